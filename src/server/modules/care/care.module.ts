/** The care module's manifest: the register of people in special difficulty and 九必问 visits (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { CARE_ERRORS } from './care.errors';
import { AUDIT_LABELS } from './care.labels';

export const careModule = {
  name: 'care',
  errors: CARE_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, needs, policy, demo, visits] = await Promise.all([
      import('./care.routes'),
      import('./visit-needs.routes'),
      import('./care.policy'),
      import('./care.demo'),
      import('./visits.service'),
    ]);
    return {
      routes: [routes.default, needs.default],
      capabilities: policy.careCapabilities,
      demo: demo.careDemo,
      today: visits.careToday,
    };
  },
} satisfies ModuleManifest;
