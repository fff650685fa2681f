/** A failure value (`Result`) as one line for the person at the terminal: the Chinese message, then the English. */
import { errorMessage, type ErrorCode } from '../server/platform/errors';

export function failureText(f: { code: ErrorCode; details?: Record<string, unknown> }): string {
  return `${errorMessage(f.code, 'zh-CN', f.details)} ${errorMessage(f.code, 'en', f.details)}`;
}
