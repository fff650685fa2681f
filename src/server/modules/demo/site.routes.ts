/** GET /api/demo: in demo mode only, the accounts to try (with current TOTP codes for administrators). */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import type { App } from '../../platform/http/types';
import { ROLE_LABELS } from '../access';
import { currentTotp } from '../identity';
import { findDivision } from '../divisions';
import { VERSION } from '../../version';
import { DEMO_PASSWORD, DEMO_RESIDENTS, DEMO_STAFF } from './demo.accounts';
import { latestDemoSms } from './demo.service';

export default async function siteRoutes(app: App, deps: Deps, demo: boolean) {
  app.get(
    '/api/site',
    {
      schema: {
        tags: ['platform'],
        summary: 'This installation: its county and whether it is the demo',
        response: {
          200: Type.Object({
            demo: Type.Boolean(),
            county: Type.Object({ code: Type.String(), name: Type.String() }),
            version: Type.String(),
            mapTiles: Type.Union(
              [Type.Null(), Type.Object({ provider: Type.Literal('tianditu'), key: Type.String() })],
              { description: 'base map tiles for the grid map; null: offline vector layers only' },
            ),
          }),
        },
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
        response: {
          200: Type.Object({
            demo: Type.Boolean(),
            password: Type.Optional(Type.String()),
            staff: Type.Array(
              Type.Object({
                username: Type.String(),
                displayName: Type.String(),
                role: Type.String(),
                roleLabel: Type.String(),
                roleLabelEn: Type.String(),
                scopeCode: Type.String(),
                totpCode: Type.Optional(Type.String()),
              }),
            ),
            residents: Type.Array(Type.Object({ phone: Type.String(), displayName: Type.String() })),
          }),
        },
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
        querystring: Type.Object(
          { phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ body: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) => ({ body: await latestDemoSms(deps, req.query.phone) }),
  );
}
