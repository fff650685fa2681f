/** The organisation module's manifest: grids, households, residents, party, registers (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './organisation.labels';

export const organisationModule = {
  name: 'organisation',
  auditLabels: AUDIT_LABELS,
  server: async () => ({
    routes: [(await import('./organisation.routes')).default, (await import('./registers.routes')).default],
    cockpit: (await import('./organisation.cockpit')).organisationCockpit,
  }),
} satisfies ModuleManifest;
