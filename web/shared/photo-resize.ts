/**
 * Photos made small on the phone before they travel (issue #11): a 4 MB camera photo takes ~80 s at
 * 400 kbit/s, the same photo at 1600 px and JPEG quality 0.82 is typically 150–300 KB. The camera's
 * orientation is applied (createImageBitmap from-image), so the server receives it upright. A photo
 * already small enough, or one the browser cannot decode (the server then says why), goes as it is.
 */
export const MAX_SIDE = 1600;
const QUALITY = 0.82;
/** Below this and within MAX_SIDE, a JPEG/WebP is sent untouched. */
const SMALL_BYTES = 350 * 1024;

export interface ResizedPhoto {
  blob: Blob;
  type: string;
  width: number;
  height: number;
  /** The original's size, to say what was saved. */
  originalBytes: number;
}

/** The size that fits `max` on the long side, never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  const type = file.type || 'image/jpeg';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { blob: file, type, width: 0, height: 0, originalBytes: file.size };
  }
  const size = fitWithin(bitmap.width, bitmap.height);
  const small = size.width === bitmap.width && file.size <= SMALL_BYTES && /jpeg|webp/.test(type);
  if (small) {
    bitmap.close();
    return { blob: file, type, ...size, originalBytes: file.size };
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) {
    bitmap.close();
    return { blob: file, type, width: 0, height: 0, originalBytes: file.size };
  }
  g.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  // keep the original when re-encoding would not make it smaller (a tiny PNG, say)
  if (!blob || blob.size >= file.size) return { blob: file, type, ...size, originalBytes: file.size };
  return { blob, type: 'image/jpeg', ...size, originalBytes: file.size };
}
