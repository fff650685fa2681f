/** Every error leaves as `{code, message, details}` in the caller's language; never a stack trace. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUnavailableError } from '../db/db';
import { AppError, errorBody, pickLang } from '../errors';
import { describeValidation } from './validation';

export function toAppError(err: FastifyError & { validationContext?: string }): AppError | null {
  if (err instanceof AppError) return err;
  if (err.validation) {
    const fields = describeValidation(err.validation as never, err.validationContext);
    return new AppError('validation_failed', {
      summary: fields.map((f) => `${f.field} ${f.problem}`).join('; '),
      fields,
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', { limit: (err as unknown as { limit?: number }).limit ?? '' });
    // Raised before routing (frameworkErrors): a path that is not percent-encoded UTF-8, a path parameter over maxParamLength.
    case 'FST_ERR_BAD_URL':
      return new AppError('validation_failed', {
        summary: 'path is not valid percent-encoded UTF-8',
        fields: [{ field: 'path', problem: 'is not valid percent-encoded UTF-8' }],
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('validation_failed', {
        summary: 'path has a parameter that is too long',
        fields: [{ field: 'path', problem: 'has a parameter that is too long' }],
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError('malformed_json');
  if (err.statusCode === 429) return new AppError('rate_limited');
  if (isUnavailableError(err)) return new AppError('database_unavailable');
  return refusedValue(err);
}

/**
 * The database refused a value of the request (text it cannot encode, a number out of range):
 * the request's content, not the server. The text hook (validation.ts) refuses such text first;
 * this is the net behind it, for a value a service built from the input.
 */
function refusedValue(err: { code?: string; message?: string; detail?: string }): AppError | null {
  switch (err.code) {
    case '22021': // character_not_in_repertoire: NUL in text
    case '22P05': // untranslatable_character: \u0000 in jsonb
      return new AppError('value_unstorable', { reasonZh: '含有无法保存的字符', reasonEn: 'text' });
    case '22P02': // invalid_text_representation: a lone surrogate escape in jsonb
      return /unicode|surrogate/i.test(`${err.message} ${err.detail}`)
        ? new AppError('value_unstorable', { reasonZh: '含有无法保存的字符', reasonEn: 'text' })
        : null;
    case '22001':
      return new AppError('value_unstorable', { reasonZh: '文字太长', reasonEn: 'text too long' });
    case '22003':
      return new AppError('value_unstorable', { reasonZh: '数字超出范围', reasonEn: 'number out of range' });
    case '23505': // unique_violation: two identical requests at once; the service's own check saw neither
      return new AppError('duplicate_write');
    case '23514': // check_violation: a value the request's schema let through but a CHECK refuses (e.g. rounded to 0)
      return new AppError('value_unstorable', {
        reasonZh: '有值超出允许范围',
        reasonEn: 'a value outside its allowed range',
      });
    case 'CC071': {
      // the database's net under 三员分立 (migrations/0009): a path that would give an administrator account
      // another role (e.g. enrolling it as a woodpecker) is refused as the grants service refuses it
      const [, role = '?', other = '?'] = /\((\S+) with (\S+)\)/.exec(err.message ?? '') ?? [];
      return new AppError('admin_account_dedicated', { role, other });
    }
  }
  return null;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply.status(err.status).send(errorBody(err, pickLang(req.headers['accept-language'])));
}

export function registerErrorHandling(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err);
    if (appErr) {
      if (appErr.code === 'body_too_large') appErr.details.limit = bodyLimit;
      if (appErr.code === 'database_unavailable') req.log.warn({ err }, 'database unavailable');
      if (appErr.code === 'value_unstorable' || appErr.code === 'duplicate_write')
        req.log.warn({ err }, 'the database refused a value of the request');
      return sendError(req, reply, appErr);
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, new AppError('internal'));
  });
}
