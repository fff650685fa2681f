/** Names of audit actions in both languages (unknown actions show their code). */
import { ACCOUNTS_AUDIT_LABELS } from '../../../../src/server/modules/accounts/accounts.labels';
import { POINTS_AUDIT_LABELS } from '../../../../src/server/modules/points/points.labels';
import type { Lang } from '../../../shared/i18n';

/** The labels a module defines itself (its `*.labels.ts`), as [zh, en] pairs. */
const fromModule = (labels: Record<string, { zh: string; en: string }>) =>
  Object.fromEntries(Object.entries(labels).map(([action, l]) => [action, [l.zh, l.en] as [string, string]]));

const ACTIONS: Record<string, [zh: string, en: string]> = {
  'auth.sign_in': ['登录', 'Sign-in'],
  'auth.sign_in_sms': ['短信登录', 'SMS sign-in'],
  'auth.password_ok': ['密码验证通过', 'Password accepted'],
  'auth.totp': ['动态口令验证', 'TOTP check'],
  'auth.totp_enrolled': ['绑定动态口令', 'TOTP enrolled'],
  'auth.sign_out': ['退出登录', 'Sign-out'],
  'auth.idle_timeout': ['空闲超时', 'Idle timeout'],
  'auth.sessions_revoked': ['强制下线', 'Sessions revoked'],
  'auth.sms_code_sent': ['发送验证码', 'SMS code sent'],
  'roles.grant': ['授予角色', 'Role granted'],
  'roles.revoke': ['撤销角色', 'Role revoked'],
  'users.register_resident': ['居民注册', 'Resident registered'],
  'users.set_place': ['设置所在村/社区', 'Place set'],
  'demo.seed_accounts': ['生成演示账号', 'Demo accounts seeded'],
  'divisions.import': ['导入区划', 'Divisions imported'],
  ...fromModule(ACCOUNTS_AUDIT_LABELS),
  ...fromModule(POINTS_AUDIT_LABELS),
};

export const AUDIT_ACTIONS = Object.keys(ACTIONS);

export function actionLabel(action: string, lang: Lang): string {
  const pair = ACTIONS[action];
  return pair ? (lang === 'en' ? pair[1] : pair[0]) : action;
}

export const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };
