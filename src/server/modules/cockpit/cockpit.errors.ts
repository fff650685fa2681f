/** Error codes of the cockpit (驾驶舱) and its big-screen links (大屏): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const COCKPIT_ERRORS = defineErrors({
  cockpit_period_invalid: {
    status: 400,
    zh: '统计期间无效：{zh}',
    en: 'The period is not valid: {en}',
  },
  screen_token_invalid: {
    status: 401,
    zh: '此大屏链接无效或已停用',
    en: 'This screen link is invalid or has been revoked',
  },
});

type CockpitErrors = typeof COCKPIT_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends CockpitErrors {}
}
