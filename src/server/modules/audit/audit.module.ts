/** The audit module's manifest: the audit trail for the audit administrator (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';

export const auditModule = {
  name: 'audit',
  commands: {
    'audit verify': {
      usage: '',
      description:
        'Verify every row of the audit trail hash chains; lists every break (count, first, last, chains) and exits 1 if any.',
      load: async () => (await import('../../../cli/commands/audit')).auditVerify,
    },
  },
  server: async () => {
    const [routes, { auditToday }] = await Promise.all([import('./audit.routes'), import('./audit.service')]);
    return { routes: [routes.default], today: auditToday };
  },
} satisfies ModuleManifest;
