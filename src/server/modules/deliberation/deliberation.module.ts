/** The deliberation module's manifest: meetings and votes under the law's quorums, 四议两公开, 村务公开 (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { DELIBERATION_ERRORS } from './deliberation.errors';
import { AUDIT_LABELS } from './deliberation.labels';

export const deliberationModule = {
  name: 'deliberation',
  auditLabels: AUDIT_LABELS,
  errors: DELIBERATION_ERRORS,
  server: async () => {
    const [routes, { deliberationCapabilities }, { deliberationCockpit }] = await Promise.all([
      import('./index'),
      import('./deliberation.policy'),
      import('./deliberation.cockpit'),
    ]);
    return {
      routes: [routes.default],
      capabilities: deliberationCapabilities,
      demo: routes.deliberationDemo,
      cockpit: deliberationCockpit,
    };
  },
} satisfies ModuleManifest;
