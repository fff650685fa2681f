/** The service circle's manifest: the 15-minute service circle measured against GB 50180-2018 (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { CIRCLE_ERRORS } from './circle.errors';
import { AUDIT_LABELS } from './circle.labels';

export const circleModule = {
  name: 'circle',
  errors: CIRCLE_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy, demo, cockpit] = await Promise.all([
      import('./circle.routes'),
      import('./circle.policy'),
      import('./circle.demo'),
      import('./circle.cockpit'),
    ]);
    return {
      routes: [routes.default],
      capabilities: policy.circleCapabilities,
      demo: demo.circleDemo,
      cockpit: cockpit.circleCockpit,
    };
  },
} satisfies ModuleManifest;
