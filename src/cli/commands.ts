/**
 * The command table: the platform's commands below, then each module's (its manifest's `commands`,
 * in the order of src/server/modules.ts). Each entry says what the command is without loading it;
 * `load` imports the command's file only when it runs, so `--help` and light commands start without
 * the server (a manifest loads no routes or services).
 */
import { describeConfig } from '../server/config.vars';
import { MODULES } from '../server/modules';
import type { Command } from './command';

export type { Command, CommandContext, CommandRun } from './command';

const PLATFORM_COMMANDS: Record<string, Command> = {
  demo: {
    usage: '',
    description:
      "The demo (npm start): builds the web apps if needed, loads Shishou's division tree and demo accounts, serves on PORT.",
    load: async () => (await import('./commands/demo')).demo,
  },
  serve: {
    usage: '',
    description:
      'Production server. Refuses to start with the demo secret, with demo accounts, or with pending migrations.',
    load: async () => (await import('./commands/serve')).serve,
  },
  migrate: {
    usage: '',
    description: 'Apply pending SQL migrations to the configured database (DATABASE_URL, or PGlite in DATA_DIR).',
    load: async () => (await import('./commands/migrate')).migrateCommand,
  },
  init: {
    usage: '--county CODE | --province CODE | --all [--within PREFIX]',
    description:
      "Import a county-level unit's towns and villages (or, with --all, the whole country; --within 42 only Hubei) from the national statistical codes (2023), and set up COUNTY_CODE's departments and case categories. --province 42 (or a city, 4210): a province installation's tree, with every county's departments (see `province subscribe`).\n" +
      'Example: npx cocreate init --county 421081   (Shishou, Hubei)',
    load: async () => (await import('./commands/init')).init,
  },
  backup: {
    usage: 'FILE [--force]',
    description:
      'Back up the database to FILE: pg_dump (custom format) for PostgreSQL, the data-dir dump for PGlite (stop the server first), with a manifest. --force overwrites FILE.',
    load: async () => (await import('./commands/backup')).backupCommand,
  },
  restore: {
    usage: 'FILE [--force]',
    description:
      'Restore a backup into an empty database (PostgreSQL: created with its role if missing) or an empty DATA_DIR, then run audit verify and points reconcile; exits 1 if either fails. --force replaces a non-empty target.',
    load: async () => (await import('./commands/backup')).restoreCommand,
  },
  'cockpit report': {
    usage: '--place CODE --month YYYY-MM --out FILE.pdf',
    description:
      "Draw a place's monthly report (月度报告: the cockpit's ready panels with the previous period and last year, rankings, charts, each figure's 台账) as a PDF.",
    load: async () => (await import('../server/cockpit/report/report.cli')).cockpitReport,
  },
};

/** One table from several; a name used twice is a programming error, not a silent override. */
export function commandTable(...tables: readonly Readonly<Record<string, Command>>[]): Record<string, Command> {
  const all: Record<string, Command> = {};
  for (const table of tables)
    for (const [name, command] of Object.entries(table)) {
      if (all[name]) throw new Error(`command "${name}" is declared twice`);
      all[name] = command;
    }
  return all;
}

export const COMMANDS = commandTable(PLATFORM_COMMANDS, ...MODULES.map((m) => m.commands ?? {}));

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.description.split('\n')[0]}`);
  const env = describeConfig().map(
    (v) => `  ${v.name}${v.default !== undefined ? ` (default ${JSON.stringify(v.default)})` : ''}`,
  );
  return [
    'cocreate — 共同缔造智慧平台 Cocreate',
    '',
    'Usage: npx cocreate <command> [options]   (npx cocreate <command> --help for details)',
    '',
    'Commands:',
    ...lines,
    '',
    'Environment (see README "Configuration"):',
    ...env,
  ].join('\n');
}
