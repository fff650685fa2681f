/**
 * Sends a photo before its report (POST /api/photos), with progress and retries for weak networks: a
 * dropped connection or a server error is tried again (1 s, then 3 s, then 8 s); the server's refusal
 * (a 4xx: not an image, too large) is not. The report then names the photos (photoIds), so a case is
 * never created without them.
 */
import type { StagedPhotoView } from '../../src/server/modules/cases/photos.schema';
import type { Static } from 'typebox';
import { ApiError, type ApiErrorCode } from './api';
import { currentLang } from './i18n';

export type StagedPhoto = Static<typeof StagedPhotoView>;

const BACKOFF_MS = [1000, 3000, 8000];

/** One attempt: an XHR (fetch reports no upload progress) with the API's headers. */
function sendOnce(blob: Blob, type: string, onProgress: (fraction: number) => void): Promise<StagedPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/photos');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLang());
    xhr.setRequestHeader('X-Requested-With', 'cocreate');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network_error', currentLang() === 'en' ? 'Cannot reach the server' : '无法连接服务器'));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      let body: { code?: ApiErrorCode; message?: string; details?: unknown } & Partial<StagedPhoto> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 201) return resolve(body as StagedPhoto);
      const fallback = currentLang() === 'en' ? `Upload failed (HTTP ${xhr.status})` : `上传失败（HTTP ${xhr.status}）`;
      reject(new ApiError(xhr.status, body.code ?? 'http_error', body.message ?? fallback, body.details));
    };
    xhr.send(blob);
  });
}

const retriable = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 429);

/** Uploads with retries; `onProgress(fraction, attempt)` follows the bytes of the current attempt. */
export async function uploadStagedPhoto(
  blob: Blob,
  type: string,
  onProgress: (fraction: number, attempt: number) => void = () => {},
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<StagedPhoto> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce(blob, type, (f) => onProgress(f, attempt));
    } catch (e) {
      if (!retriable(e) || attempt >= BACKOFF_MS.length) throw e;
      await wait(BACKOFF_MS[attempt]);
    }
  }
}
