/** The indicators module's manifest: case indicators per place, department and period (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';

export const indicatorsModule = {
  name: 'indicators',
  server: async () => ({
    routes: [(await import('./indicators.routes')).default],
    capabilities: (await import('./indicators.policy')).indicatorCapabilities,
  }),
} satisfies ModuleManifest;
