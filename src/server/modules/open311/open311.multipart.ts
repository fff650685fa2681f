/**
 * multipart/form-data bodies, as FixMyStreet sends them when a report or an update carries photos
 * (its fields, plus one file part per photo: photo1, photo2, …). Parsed with the platform's own
 * FormData reader (undici), after Fastify has read the body within the multipart limit. Text fields
 * become the same field object a form-encoded body gives; file parts ride along under a symbol, so
 * field readers never see them.
 */
import { AppError } from '../../platform/errors';
import { cutText, fieldProblemError, findUnstorable } from '../../platform/text';
import { MAX_PHOTO_BYTES } from '../cases';

export interface UploadedFile {
  field: string;
  name: string;
  data: Buffer;
}

/** At most this many photos per request or update (a step keeps at most 9 photos in all). */
export const MAX_UPLOADS = 3;
/** The body limit of a multipart request: the photos and some room for the fields. */
export const MULTIPART_BODY_LIMIT = MAX_UPLOADS * MAX_PHOTO_BYTES + 1024 * 1024;

const FILES = Symbol('open311.files');
type MultipartBody = Record<string, string | string[]> & { [FILES]?: UploadedFile[] };

export async function parseMultipart(contentType: string, body: Buffer): Promise<MultipartBody> {
  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(body)]), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new AppError('validation_failed', {
      summary: 'the multipart/form-data body could not be read (boundary, part headers)',
    });
  }
  const fields: MultipartBody = Object.create(null);
  const files: UploadedFile[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') {
      const prev = fields[key];
      fields[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else if (value.size > 0 || value.name) {
      // a form's empty file input sends an empty, nameless part
      const bad = findUnstorable(value.name, `body.${key}.filename`);
      if (bad) throw fieldProblemError(bad);
      files.push({ field: key, name: cutText(value.name, 100), data: Buffer.from(await value.arrayBuffer()) });
    }
  }
  if (files.length > MAX_UPLOADS)
    throw new AppError('validation_failed', {
      summary: `at most ${MAX_UPLOADS} photos per request (got ${files.length})`,
    });
  fields[FILES] = files;
  return fields;
}

/** The file parts of a parsed body (none for form-encoded or JSON bodies). */
export function uploadedFiles(body: unknown): UploadedFile[] {
  return body && typeof body === 'object' ? ((body as MultipartBody)[FILES] ?? []) : [];
}
