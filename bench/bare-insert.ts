/**
 * The baseline for bench/case-intake.bench.ts: a bare Fastify app with one POST route that validates a
 * JSON body like a report (same fields and limits, strict, Idempotency-Key header) and inserts one row
 * into a bench table of the same database — no session, routing, audit, timeline or outbox.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Database } from '../src/server/platform/db/db';
import { validatorCompiler } from '../src/server/platform/http/validation';

export const BARE_TABLE = `CREATE TABLE IF NOT EXISTS bench_reports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text NOT NULL,
  description text NOT NULL,
  category_code text NOT NULL,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  urgency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON bench_reports TO cocreate_app;`;

const BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['description', 'categoryCode', 'lng', 'lat'],
  properties: {
    title: { type: 'string', maxLength: 60 },
    description: { type: 'string', minLength: 2, maxLength: 2000 },
    categoryCode: { type: 'string', maxLength: 10 },
    lng: { type: 'number', minimum: -180, maximum: 180 },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    urgency: { enum: ['normal', 'urgent', 'critical'] },
  },
} as const;

interface Body {
  description: string;
  categoryCode: string;
  lng: number;
  lat: number;
  urgency?: string;
}

export type Insert = (sql: string, params: unknown[]) => Promise<{ rows: { id: number }[] }>;

const INSERT = `INSERT INTO bench_reports (idempotency_key, description, category_code, lng, lat, urgency)
  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`;

export async function startBareApp(insert: Insert): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler); // the app's strict validation (allErrors, nothing removed or coerced)
  app.post<{ Body: Body; Headers: { 'idempotency-key'?: string } }>(
    '/bare',
    {
      schema: {
        body: BODY,
        headers: {
          type: 'object',
          properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 100 } },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const { rows } = await insert(INSERT, [
        req.headers['idempotency-key'] ?? '',
        b.description.trim(),
        b.categoryCode,
        b.lng,
        b.lat,
        b.urgency ?? 'normal',
      ]);
      return reply.status(201).send({ id: rows[0].id });
    },
  );
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address}/bare` };
}

/**
 * The insert path: on PostgreSQL a pg Pool of `poolSize` sessions as cocreate_app (like the app's
 * pool); on PGlite the application's own database handle (one session, SET LOCAL ROLE per query).
 */
export function bareInsert(
  db: Database,
  url: string | undefined,
  poolSize: number,
): { insert: Insert; close(): Promise<void> } {
  if (!url) return { insert: (sql, params) => db.query<{ id: number }>(sql, params), close: async () => {} };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c role=cocreate_app' });
  pool.on('error', () => {});
  return { insert: (sql, params) => pool.query<{ id: number }>(sql, params), close: () => pool.end() };
}
