/** The divisions module's manifest: the national division tree (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './divisions.labels';
import { DIVISIONS_ERRORS } from './divisions.errors';

export const divisionsModule = {
  name: 'divisions',
  auditLabels: AUDIT_LABELS,
  errors: DIVISIONS_ERRORS,
  commands: {
    'divisions find': {
      usage: 'NAME',
      description: 'Find county-level codes by name in the national statistical codes (2023).',
      load: async () => (await import('../../../cli/commands/init')).divisionsFind,
    },
  },
  server: async () => ({ routes: [(await import('./divisions.routes')).default] }),
} satisfies ModuleManifest;
