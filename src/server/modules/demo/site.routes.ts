/** GET /api/demo: in demo mode only, the accounts to try (with current TOTP codes for administrators). */
import type { Deps } from '../../platform/deps';
import type { App } from '../../platform/http/types';
import { ROLE_LABELS } from '../access';
import { currentTotp } from '../identity';
import { findDivision } from '../divisions';
import { VERSION } from '../../version';
import { DEMO_PASSWORD, DEMO_RESIDENTS, DEMO_STAFF } from './demo.accounts';
import { DemoInfo, DemoSms, DemoSmsQuery, Site } from './demo.schema';
import { latestDemoSms } from './demo.service';

export default async function siteRoutes(app: App, deps: Deps, demo: boolean) {
  app.get(
    '/api/site',
    {
      schema: {
        tags: ['platform'],
        summary: 'This installation: its county and whether it is the demo',
        response: { 200: Site },
      },
    },
    async () => {
      const county = await findDivision(deps.db, deps.config.countyCode);
      return {
        demo,
        county: { code: deps.config.countyCode, name: county?.name ?? deps.config.countyCode },
        version: VERSION,
        mapTiles: deps.config.tiandituKey ? { provider: 'tianditu' as const, key: deps.config.tiandituKey } : null,
      };
    },
  );

  app.get(
    '/api/demo',
    {
      schema: {
        tags: ['platform'],
        summary: 'Demo mode and its accounts (empty outside the demo)',
        response: { 200: DemoInfo },
      },
    },
    async () => {
      if (!demo) return { demo: false, staff: [], residents: [] };
      const now = deps.clock.now();
      return {
        demo: true,
        password: DEMO_PASSWORD,
        staff: await Promise.all(
          DEMO_STAFF.map(async (s) => ({
            username: s.username,
            displayName: s.displayName,
            role: s.role,
            roleLabel: ROLE_LABELS[s.role].zh,
            roleLabelEn: ROLE_LABELS[s.role].en,
            scopeCode: s.scopeCode,
            ...(s.totpSecret ? { totpCode: await currentTotp(s.totpSecret, now) } : {}),
          })),
        ),
        residents: DEMO_RESIDENTS.map((r) => ({ phone: r.phone, displayName: r.displayName })),
      };
    },
  );

  if (!demo) return;
  app.get(
    '/api/demo/sms',
    {
      schema: {
        tags: ['platform'],
        summary: 'Demo only: the last SMS the development gateway sent to a phone',
        querystring: DemoSmsQuery,
        response: { 200: DemoSms },
      },
    },
    async (req) => ({ body: await latestDemoSms(deps, req.query.phone) }),
  );
}
