/**
 * Runs a `cocreate` command in this process (no child process per call): the environment given
 * is set for the call, output is captured, a thrown error is returned as it would stop the CLI.
 */
import { COMMANDS } from '../src/cli/commands';

export interface CommandResult {
  code: number;
  out: string;
  err: string;
  /** What the command threw (main.ts prints its message and exits 1). */
  error?: Error;
}

export async function runCommand(line: string, env: Record<string, string | undefined>): Promise<CommandResult> {
  const words = line.split(' ').filter(Boolean);
  const two = `${words[0]} ${words[1]}`;
  const [name, args] = COMMANDS[two] ? [two, words.slice(2)] : [words[0], words.slice(1)];
  const command = COMMANDS[name];
  if (!command) throw new Error(`no command ${name}`);
  const vars = { LOG_LEVEL: 'silent', ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const setEnv = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  let out = '';
  let err = '';
  const original = { log: console.log, warn: console.warn, error: console.error, write: process.stdout.write };
  console.log = (...a: unknown[]) => {
    out += `${a.join(' ')}\n`;
  };
  console.warn = console.error = (...a: unknown[]) => {
    err += `${a.join(' ')}\n`;
  };
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  setEnv(vars);
  try {
    const run = await command.load();
    return { code: await run(args, { name, usage: command.usage }), out, err };
  } catch (error) {
    return { code: 1, out, err: err + (error as Error).message, error: error as Error };
  } finally {
    Object.assign(console, { log: original.log, warn: original.warn, error: original.error });
    process.stdout.write = original.write;
    setEnv(saved);
  }
}
