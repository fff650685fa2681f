/**
 * The command table. Each entry says what the command is without loading it; `load` imports the
 * command's file only when it runs, so `--help` and light commands start without the server.
 */
import { describeConfig } from '../server/config.vars';
import type { Command } from './command';

export type { Command, CommandContext, CommandRun } from './command';

export const COMMANDS: Record<string, Command> = {
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
    usage: '--county CODE | --all [--within PREFIX]',
    description:
      "Import a county-level unit's towns and villages (or, with --all, the whole country; --within 42 only Hubei) from the national statistical codes (2023), and set up COUNTY_CODE's departments and case categories.\n" +
      'Example: npx cocreate init --county 421081   (Shishou, Hubei)',
    load: async () => (await import('./commands/init')).init,
  },
  'divisions find': {
    usage: 'NAME',
    description: 'Find county-level codes by name in the national statistical codes (2023).',
    load: async () => (await import('./commands/init')).divisionsFind,
  },
  'audit verify': {
    usage: '',
    description:
      'Verify every row of the audit trail hash chains; lists every break (count, first, last, chains) and exits 1 if any.',
    load: async () => (await import('./commands/audit')).auditVerify,
  },
  'account create': {
    usage: '--username NAME --name DISPLAY_NAME --role ROLE --scope DIVISION_CODE',
    description: 'Create a staff account with one role and print its one-time password (for the first administrators).',
    load: async () => (await import('./commands/account')).accountCreate,
  },
  'account reset-password': {
    usage: '--username NAME',
    description:
      "Give a staff account (an administrator's too) a one-time password; administrators enrol TOTP again at the next sign-in.",
    load: async () => (await import('./commands/account')).accountResetPassword,
  },
  classify: {
    usage: '< input.csv > output.csv',
    description:
      'Classify reports: reads CSV with a header id,title,body (other columns ignored) on stdin, writes id,label,probability on stdout, one line per row, in order.',
    load: async () => (await import('./commands/classify')).classifyCommand,
  },
  'classifier retrain': {
    usage: '[--base complaints-train.csv] [--force [--yes]]',
    description: [
      "Retrain the classifier on the county's own cases whose category staff confirmed.",
      'Department-line model: trained on --base (CSV id,category,title,body) plus the closed county cases; switched to',
      '(DATA_DIR/models/department.model.json) only when not worse on held-back county cases, or with --force after typing',
      '"yes" (--yes for scripts). Category model: DATA_DIR/models/category.model.json, from the county cases alone.',
      'Exit codes: 0 done, 1 too little county data or unusable base data, 2 usage, 3 new department model worse and not used.',
    ].join('\n'),
    load: async () => (await import('./commands/classifier')).classifierRetrain,
  },
  'open311 add-client': {
    usage: '--name NAME',
    description:
      'Register an Open311 client (an app that may post requests and updates) and print its api_key once; only its SHA-256 is stored.',
    load: async () => (await import('./commands/open311')).open311AddClient,
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
  'points reconcile': {
    usage: '',
    description:
      'Reconcile the points ledger: entries sum to zero, cached balances equal their entries, no negative balance or stock; exits 1 on any mismatch.',
    load: async () => (await import('./commands/points')).pointsReconcile,
  },
};

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
