/** The services module's manifest (issue #14): partner units and cadres, service activities, red errands, 一社一品. */
import type { ModuleManifest } from '../../module';
import { SERVICES_ERRORS } from './services.errors';
import { AUDIT_LABELS } from './services.labels';

export const servicesModule = {
  name: 'services',
  errors: SERVICES_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, { servicesCapabilities }, { errandsToday }, { servicesCockpit }] = await Promise.all([
      import('./index'),
      import('./services.policy'),
      import('./errands.service'),
      import('./services.cockpit'),
    ]);
    return {
      routes: [routes.default],
      capabilities: servicesCapabilities,
      today: errandsToday,
      cockpit: servicesCockpit,
      demo: routes.servicesDemo,
    };
  },
} satisfies ModuleManifest;
