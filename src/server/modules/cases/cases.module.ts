/** The cases module's manifest: woodpecker reports and the case loop (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './cases.labels';
import { CASES_ERRORS } from './cases.errors';

export const casesModule = {
  name: 'cases',
  auditLabels: AUDIT_LABELS,
  errors: CASES_ERRORS,
  server: async () => {
    const [
      cases,
      photos,
      problemWords,
      { caseCapabilities },
      { notifyHandler, NOTIFY_TOPIC },
      { sendDeadlineReminders },
      { purgeStagedPhotos },
      { casesToday },
      { casesCockpit },
    ] = await Promise.all([
      import('./cases.routes'),
      import('./photos.routes'),
      import('./problem-words.routes'),
      import('./capabilities.policy'),
      import('./notify'),
      import('./reminders'),
      import('./staged-photos.service'),
      import('./today.service'),
      import('./cases.cockpit'),
    ]);
    return {
      routes: [cases.default, cases.categoryAdminRoutes, photos.default, photos.publicRoutes, problemWords.default],
      capabilities: caseCapabilities,
      today: casesToday,
      cockpit: casesCockpit,
      cockpitByDepartment: true,
      demo: async (deps) => (await import('./cases.demo')).casesDemo(deps), // issue #11 item 14
      subscriptions: (deps) => [{ topic: NOTIFY_TOPIC, handler: notifyHandler(deps) }],
      timers: [
        { name: 'reminders', everyMs: 60_000, run: sendDeadlineReminders },
        { name: 'staged-photos', everyMs: 3_600_000, run: purgeStagedPhotos },
      ],
    };
  },
} satisfies ModuleManifest;
