/**
 * Reading a QR code from the camera with @zxing/browser, imported on first use (a chunk of its own:
 * the console's first paint does not carry it; this file is itself imported when the desk starts the camera).
 */
import type { BrowserQRCodeReader } from '@zxing/browser';
import { type CameraProblem, cameraProblemOf } from './camera-problem';

let reader: Promise<BrowserQRCodeReader> | null = null;
function qrReader(): Promise<BrowserQRCodeReader> {
  reader ??= import('@zxing/browser').then(
    (m) => new m.BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150, delayBetweenScanSuccess: 500 }),
  );
  return reader;
}

/** A camera that could not start, with the reason the desk shows. */
export class CameraError extends Error {
  constructor(readonly problem: CameraProblem) {
    super(problem);
    this.name = 'CameraError';
  }
}

/**
 * Shows the camera (the back one on a phone or tablet) in `video` and calls `onText` with each QR
 * code read; resolves to a function that stops the camera. Rejects with a CameraError.
 */
export async function startQrScan(video: HTMLVideoElement, onText: (text: string) => void): Promise<() => void> {
  if (!window.isSecureContext) throw new CameraError('camera_insecure');
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('camera_missing');
  const r = await qrReader();
  try {
    const controls = await r.decodeFromConstraints({ video: { facingMode: 'environment' } }, video, (result) => {
      if (result) onText(result.getText());
    });
    return () => controls.stop();
  } catch (e) {
    throw new CameraError(cameraProblemOf(e));
  }
}
