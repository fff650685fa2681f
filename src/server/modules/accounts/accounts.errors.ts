/** Error codes of the accounts module (staff accounts): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const ACCOUNTS_ERRORS = defineErrors({
  username_taken: { status: 409, zh: '用户名已被使用：{username}', en: 'The username is already taken: {username}' },
});

type AccountsErrors = typeof ACCOUNTS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends AccountsErrors {}
}
