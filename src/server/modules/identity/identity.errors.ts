/** Error codes of the identity module (sign-in, one-time passwords, SMS codes, passwords, sessions): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const IDENTITY_ERRORS = defineErrors({
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  totp_required: { status: 401, zh: '请输入动态口令', en: 'Enter your one-time code' },
  totp_invalid: { status: 401, zh: '动态口令错误', en: 'Wrong one-time code' },
  sign_in_step_invalid: {
    status: 401,
    zh: '登录步骤无效或已过期，请重新登录',
    en: 'This sign-in step is invalid or has expired; start again',
  },
  sms_code_invalid: { status: 401, zh: '验证码错误或已过期', en: 'The code is wrong or has expired' },
  sms_code_too_soon: {
    status: 429,
    zh: '验证码发送过于频繁，请 {seconds} 秒后再试',
    en: 'Codes are sent too often; try again in {seconds} seconds',
  },
  weak_password: {
    status: 400,
    zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'A password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  sms_daily_cap: {
    status: 429,
    zh: '该手机号 24 小时内已获取 {cap} 次验证码，已达上限，请明天再试',
    en: 'This phone has received {cap} codes in the last 24 hours, the most allowed; try again tomorrow',
  },
  password_unchanged: {
    status: 400,
    zh: '新密码不能与管理员设置的一次性密码相同',
    en: 'The new password must differ from the one-time password you were given',
  },
  account_protected: {
    status: 403,
    zh: '不能管理管理员账号或范围不小于您的账号：{reason}',
    en: 'You cannot manage an administrator account or one of equal or broader scope: {reason}',
  },
});

type IdentityErrors = typeof IDENTITY_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends IdentityErrors {}
}
