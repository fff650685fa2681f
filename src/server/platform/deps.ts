/** What services need from the platform, passed explicitly (no globals), so tests can swap parts. */
import type { Config } from '../config';
import type { FieldCrypto } from './crypto/field-crypto';
import type { Database } from './db/db';
import type { SmsGateway } from './sms/sms';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface Deps {
  config: Config;
  db: Database;
  crypto: FieldCrypto;
  sms: SmsGateway;
  clock: Clock;
  log: Logger;
}
