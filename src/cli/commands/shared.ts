import { type Config, loadConfig } from '../../server/config';
import { createDeps } from '../../server/bootstrap';
import type { Database } from '../../server/platform/db/db';
import { openDatabase } from '../../server/platform/db/open';
import type { Deps } from '../../server/platform/deps';

/** Opens the configured database (migrating PGlite automatically) and builds Deps. */
export async function openDeps(opts: {
  migrate: boolean;
  overrides?: Parameters<typeof loadConfig>[1];
}): Promise<{ config: Config; db: Database; deps: Deps }> {
  const config = loadConfig(process.env, opts.overrides);
  const db = await openDatabase(config, { migrate: opts.migrate });
  return { config, db, deps: createDeps(config, db) };
}

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
