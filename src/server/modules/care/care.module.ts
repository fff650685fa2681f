/** The care module's manifest: the register of people in special difficulty and 九必问 visits (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { CARE_ERRORS } from './care.errors';
import { AUDIT_LABELS } from './care.labels';

export const careModule = {
  name: 'care',
  errors: CARE_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, needs, policy, demo, visits, cockpit] = await Promise.all([
      import('./care.routes'),
      import('./visit-needs.routes'),
      import('./care.policy'),
      import('./care.demo'),
      import('./visits.service'),
      import('./care.cockpit'),
    ]);
    return {
      routes: [routes.default, needs.default],
      capabilities: policy.careCapabilities,
      demo: demo.careDemo,
      today: visits.careToday,
      cockpit: cockpit.careCockpit,
    };
  },
} satisfies ModuleManifest;
