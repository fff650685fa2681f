/** The Open311 module's manifest: GeoReport v2 over the case module (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './open311.labels';
import { OPEN311_ERRORS } from './open311.errors';

export const open311Module = {
  name: 'open311',
  auditLabels: AUDIT_LABELS,
  errors: OPEN311_ERRORS,
  commands: {
    'open311 add-client': {
      usage: '--name NAME',
      description:
        'Register an Open311 client (an app that may post requests and updates) and print its api_key once; only its SHA-256 is stored.',
      load: async () => (await import('../../../cli/commands/open311')).open311AddClient,
    },
  },
  server: async () => ({ routes: [(await import('./open311.routes')).default] }),
} satisfies ModuleManifest;
