/**
 * Routes whose body is a file (photos, register uploads) take it from their own content-type
 * parser. Any other body — JSON, a form, nothing at all — never reaches the service: it is a 415
 * naming the types the route takes.
 */
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { displayText } from '../text';

function refuse(req: FastifyRequest, types: readonly string[]): never {
  const got = req.headers['content-type'];
  throw new AppError('upload_expected', { types: types.join(', '), got: got ? displayText(got) : 'an empty body' });
}

/** The body as the stream a streaming parser left it. */
export function uploadedStream(req: FastifyRequest, types: readonly string[]): Readable {
  return req.body instanceof Readable ? req.body : refuse(req, types);
}

/** The body as the buffer a buffering parser left it. */
export function uploadedBuffer(req: FastifyRequest, types: readonly string[]): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : refuse(req, types);
}
