/**
 * Chromium's fake camera for the pickup desk's scanner: `--use-file-for-fake-video-capture` plays a
 * Y4M file (YUV 4:2:0) in a loop and opens it when a page starts the camera, so the flow writes the
 * frame once it knows what to show (the resident's pickup QR, drawn from the app's own SVG).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from 'playwright-core';

const FILE = path.resolve('browser/.out/fake-camera.y4m');
const W = 640;
const H = 480;

/** A Y4M of a few identical frames of a grey picture (`luma`: one byte per pixel, W × H); colour planes neutral. */
async function writeY4m(luma: Uint8Array): Promise<void> {
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
  await mkdir(path.dirname(FILE), { recursive: true });
  await writeFile(FILE, Buffer.concat([header, frame, frame, frame]));
}

/** The flags of a browser whose camera shows the file (white until `showOnFakeCamera`). */
export async function fakeCameraArgs(): Promise<string[]> {
  await writeY4m(Buffer.alloc(W * H, 255));
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${FILE}`];
}

/** Puts the SVG inside `el` (a QR code) on the fake camera: centred, ¾ of the height, on white. */
export async function showOnFakeCamera(el: Locator): Promise<void> {
  const base64 = await el.evaluate(
    async (node, [w, h]) => {
      const svg = new XMLSerializer().serializeToString(node.querySelector('svg')!);
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, w, h);
      g.imageSmoothingEnabled = false;
      const side = Math.floor((h * 3) / 4);
      g.drawImage(img, (w - side) / 2, (h - side) / 2, side, side);
      const rgba = g.getImageData(0, 0, w, h).data;
      let bin = '';
      for (let i = 0; i < w * h; i++)
        bin += String.fromCharCode(Math.round(0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]));
      return btoa(bin);
    },
    [W, H] as const,
  );
  await writeY4m(Buffer.from(base64, 'base64'));
}
