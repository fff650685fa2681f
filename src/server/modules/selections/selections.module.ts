/** The selections module's manifest (评选: nominations, panel scoring, public vote, ranking, 公示, objections). */
import type { ModuleManifest } from '../../module';
import { SELECTIONS_ERRORS } from './selections.errors';
import { AUDIT_LABELS } from './selections.labels';

export const selectionsModule = {
  name: 'selections',
  auditLabels: AUDIT_LABELS,
  errors: SELECTIONS_ERRORS,
  commands: {
    'selections recompute': {
      usage: '<selection id>',
      description:
        'Recompute the published ranking of a selection from its stored criteria, scores, conflicts and votes; prints both and exits 1 unless they are exactly equal.',
      load: async () => (await import('../../../cli/commands/selections')).selectionsRecompute,
    },
  },
  server: async () => {
    const [routes, certificates, policy, demo, cockpit] = await Promise.all([
      import('./selections.routes'),
      import('./certificates.routes'),
      import('./selections.policy'),
      import('./selections.demo'),
      import('./selections.cockpit'),
    ]);
    return {
      routes: [routes.default, certificates.default],
      capabilities: policy.selectionsCapabilities,
      demo: demo.selectionsDemo,
      cockpit: cockpit.selectionsCockpit,
    };
  },
} satisfies ModuleManifest;
