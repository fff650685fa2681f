/** Livelihood projects' manifest (民生实事: budget and funds, milestones, progress, photos, representatives' ratings). */
import type { ModuleManifest } from '../../module';
import { PROJECTS_ERRORS } from './projects.errors';
import { AUDIT_LABELS } from './projects.labels';

export const projectsModule = {
  name: 'projects',
  errors: PROJECTS_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy, cockpit] = await Promise.all([
      import('./projects.routes'),
      import('./projects.policy'),
      import('./projects.cockpit'),
    ]);
    return {
      routes: [routes.default],
      capabilities: policy.projectCapabilities,
      cockpit: cockpit.projectsCockpit,
      demo: async (deps) => (await import('./projects.demo')).seedProjectsDemo(deps),
    };
  },
} satisfies ModuleManifest;
