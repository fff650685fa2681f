import { accountCreate } from './commands/account';
import { auditVerify } from './commands/audit';
import { backupCommand, restoreCommand } from './commands/backup';
import { classifyCommand } from './commands/classify';
import { classifierRetrain } from './commands/classifier';
import { open311AddClient } from './commands/open311';
import { pointsReconcile } from './commands/points';
import { demo } from './commands/demo';
import { divisionsFind, init } from './commands/init';
import { migrateCommand } from './commands/migrate';
import { serve } from './commands/serve';
import { describeConfig } from '../server/config';

export interface Command {
  usage: string;
  description: string;
  /** Returns the exit code, or -1 to keep running (servers). */
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  demo,
  serve,
  migrate: migrateCommand,
  init,
  'divisions find': divisionsFind,
  'audit verify': auditVerify,
  'account create': accountCreate,
  classify: classifyCommand,
  'classifier retrain': classifierRetrain,
  'open311 add-client': open311AddClient,
  'points reconcile': pointsReconcile,
  backup: backupCommand,
  restore: restoreCommand,
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.description.split('\n')[0]}`);
  const env = describeConfig().map((v) => `  ${v.name}${v.default !== undefined ? ` (default ${JSON.stringify(v.default)})` : ''}`);
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
