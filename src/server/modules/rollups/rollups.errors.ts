/** Error codes of the rollups: status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const ROLLUPS_ERRORS = defineErrors({
  rollups_subscribed: {
    status: 409,
    zh: '本库的汇总数据由各县（市）订阅同步而来（省级库），不能在此重建；请在各县（市）库重建',
    en: 'This database receives its rollups from the counties by subscription (a province installation): rebuild them in each county, not here',
  },
});

type RollupsErrors = typeof ROLLUPS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends RollupsErrors {}
}
