/** The accounts module's manifest: staff accounts, SMS outbox, settings (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './accounts.labels';
import { ACCOUNTS_ERRORS } from './accounts.errors';

export const accountsModule = {
  name: 'accounts',
  auditLabels: AUDIT_LABELS,
  errors: ACCOUNTS_ERRORS,
  commands: {
    'account create': {
      usage: '--username NAME --name DISPLAY_NAME --role ROLE --scope DIVISION_CODE',
      description:
        'Create a staff account with one role and print its one-time password (for the first administrators).',
      load: async () => (await import('../../../cli/commands/account')).accountCreate,
    },
    'account reset-password': {
      usage: '--username NAME',
      description:
        "Give a staff account (an administrator's too) a one-time password; administrators enrol TOTP again at the next sign-in.",
      load: async () => (await import('../../../cli/commands/account')).accountResetPassword,
    },
  },
  server: async () => ({ routes: [(await import('./accounts.routes')).default] }),
} satisfies ModuleManifest;
