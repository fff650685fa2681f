/** Wires config, database and platform services into Deps. */
import type { Config } from './config';
import { createFieldCrypto } from './platform/crypto/field-crypto';
import type { Database } from './platform/db/db';
import { type Deps, type Logger, systemClock } from './platform/deps';
import { devSmsGateway } from './platform/sms/sms';

export const consoleLogger: Logger = {
  info: (o, m) => console.log(JSON.stringify({ level: 'info', msg: m, ...(typeof o === 'string' ? { msg: o } : o) })),
  warn: (o, m) => console.warn(JSON.stringify({ level: 'warn', msg: m, ...(typeof o === 'string' ? { msg: o } : o) })),
  error: (o, m) =>
    console.error(JSON.stringify({ level: 'error', msg: m, ...(typeof o === 'string' ? { msg: o } : o) })),
};

export function createDeps(config: Config, db: Database, log: Logger = consoleLogger): Deps {
  const crypto = createFieldCrypto(config.secret);
  return { config, db, crypto, sms: devSmsGateway(crypto, log), clock: systemClock, log };
}
