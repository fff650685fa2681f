/** The province module's manifest: counties' rollups replicated to a province installation (#17 item 6; see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { PROVINCE_ERRORS } from './province.errors';
import { AUDIT_LABELS } from './province.labels';

export const provinceModule = {
  name: 'province',
  auditLabels: AUDIT_LABELS,
  errors: PROVINCE_ERRORS,
  commands: {
    'province publish': {
      usage: '',
      description:
        'On a county (PostgreSQL, wal_level = logical): publish the rollup tables (no personal data) for the province to subscribe to. Idempotent.',
      load: async () => (await import('./province.cli')).provincePublish,
    },
    'province subscribe': {
      usage: "--name COUNTY_CODE --from 'LIBPQ_CONNINFO'",
      description:
        "On the province (init --province 42): receive a county's rollups (its rows now, then every change). Example: --name 421081 --from 'host=10.0.0.5 dbname=cocreate user=province'",
      load: async () => (await import('./province.cli')).provinceSubscribe,
    },
    'province unsubscribe': {
      usage: '--name COUNTY_CODE [--keep-slot]',
      description:
        'On the province: stop receiving a county and delete its rows here (--keep-slot: the county is unreachable; drop its slot there later).',
      load: async () => (await import('./province.cli')).provinceUnsubscribe,
    },
    'province status': {
      usage: '',
      description:
        'On the province: each county subscribed, its tables ready, when it last sent anything, its rows here.',
      load: async () => (await import('./province.cli')).provinceStatusCommand,
    },
  },
} satisfies ModuleManifest;
