/** The points module's manifest: the points ledger, earning, review, the points shop (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './points.labels';
import { POINTS_ERRORS } from './points.errors';

export const pointsModule = {
  name: 'points',
  auditLabels: AUDIT_LABELS,
  errors: POINTS_ERRORS,
  commands: {
    'points reconcile': {
      usage: '',
      description:
        'Reconcile the points ledger: entries sum to zero, cached balances equal their entries, no negative balance or stock; exits 1 on any mismatch.',
      load: async () => (await import('../../../cli/commands/points')).pointsReconcile,
    },
  },
  server: async () => {
    const [points, { pointsCapabilities }, { pointsToday }, { pointsCockpit }] = await Promise.all([
      import('./index'),
      import('./points.policy'),
      import('./approval.service'),
      import('./points.cockpit'),
    ]);
    return {
      routes: [points.default],
      capabilities: pointsCapabilities,
      today: pointsToday,
      cockpit: pointsCockpit,
      demo: async (deps) => (await import('./points.demo')).pointsDemo(deps), // issue #11 item 14
      // a woodpecker's report filed as valid earns points (the cases module publishes cases.filed)
      subscriptions: (deps) => [points.casesFiledHandler(deps)],
      // credit points after publicity, release expired reservations, expire points
      timers: [{ name: 'points', everyMs: 5_000, run: points.runPointsTimers }],
    };
  },
} satisfies ModuleManifest;
