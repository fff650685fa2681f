/** Error codes of the divisions module (the division tree): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const DIVISIONS_ERRORS = defineErrors({
  unknown_division: { status: 400, zh: '未知的区划代码：{code}', en: 'Unknown division code: {code}' },
});

type DivisionsErrors = typeof DIVISIONS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends DivisionsErrors {}
}
