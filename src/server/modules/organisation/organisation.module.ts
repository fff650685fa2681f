/** The organisation module's manifest: grids, households, residents, party, registers (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';

export const organisationModule = {
  name: 'organisation',
  server: async () => ({
    routes: [(await import('./organisation.routes')).default, (await import('./registers.routes')).default],
  }),
} satisfies ModuleManifest;
