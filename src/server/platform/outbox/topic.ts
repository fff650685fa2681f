/**
 * A topic of the outbox: its name and the TypeBox schema of its payload, declared once by the
 * module that publishes it. `enqueue` checks the payload against the schema before it is written
 * and `subscribe` checks it again before the handler sees it (a message written by older code, or
 * by hand, cannot reach a handler in a shape it does not expect: it fails and is retried, with the
 * reason in `outbox.last_error`).
 */
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

export interface Topic<T> {
  readonly name: string;
  readonly payload: TSchema;
  /** Throws naming the topic and the problems when `value` is not a payload of this topic. */
  check(value: unknown): void;
  /** Type only: the payload type (`typeof TOPIC._payload`). */
  readonly _payload?: T;
}

export function defineTopic<S extends TSchema>(name: string, payload: S): Topic<Static<S>> {
  let validator: Validator | undefined; // compiled on first use: declaring a topic costs nothing
  return {
    name,
    payload,
    check(value: unknown): void {
      validator ??= Compile(payload) as unknown as Validator;
      if (validator.Check(value)) return;
      const problems = validator
        .Errors(value)
        .slice(0, 3)
        .map((e) => `${e.instancePath || '(payload)'} ${e.message}`);
      throw new Error(`outbox topic ${name}: payload does not match its schema: ${problems.join('; ')}`);
    },
  };
}
