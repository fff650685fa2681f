// Probe: are acknowledged reports kept when the server is killed with SIGKILL mid-burst?
// Starts the demo (PGlite in a temp DATA_DIR), signs a demo resident in, sends reports at a given
// concurrency, kills the server with SIGKILL after a while, restarts it and checks every report
// answered 201 can be read back. Usage: node scripts/kill9-intake.mjs [--rounds 3] [--concurrency 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '20' } },
});
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-kill9-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(PORT),
  LOG_LEVEL: 'silent',
  DEMO_SCALE: '0.005',
  REPORTS_PER_PERSON_PER_HOUR: '100000',
  RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '100000',
  RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
};
const H = { 'content-type': 'application/json', 'x-requested-with': 'cocreate' };

function start() {
  const child = spawn(process.execPath, ['bin/cocreate.mjs', 'demo'], { env, stdio: 'ignore' });
  child.exited = new Promise((r) => child.once('exit', r));
  return child;
}
async function healthy(ms = 180_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('server not healthy');
}
async function signIn(phone) {
  await fetch(`${BASE}/api/auth/sms-code`, { method: 'POST', headers: H, body: JSON.stringify({ phone }) });
  const { body } = await (await fetch(`${BASE}/api/demo/sms?phone=${phone}`)).json();
  const code = /(\d{6})/.exec(body)[1];
  const r = await fetch(`${BASE}/api/auth/sms-sign-in`, {
    method: 'POST',
    headers: H,
    body: JSON.stringify({ phone, code }),
  });
  return r.headers.get('set-cookie').split(';')[0];
}

const acked = new Map(); // id -> number
let sent = 0,
  errors = 0;
const statuses = {};
let cookie; // one session for the whole probe: it outlives the kills (sessions are in the database)
for (let round = 1; round <= Number(values.rounds); round++) {
  const server = start();
  await healthy();
  cookie ??= await signIn('13800000001');
  let stop = false;
  const worker = async () => {
    while (!stop) {
      sent++;
      try {
        const r = await fetch(`${BASE}/api/cases`, {
          method: 'POST',
          headers: { ...H, cookie, 'idempotency-key': `kill9-probe-${round}-${sent}` },
          body: JSON.stringify({
            description: `路灯不亮 kill -9 probe ${round}-${sent}`,
            categoryCode: '01037',
            lng: 112.4005,
            lat: 29.7222,
            locationSource: 'gps',
          }),
        });
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 201) {
          const c = await r.json();
          acked.set(c.id, c.number);
        } else {
          errors++;
          if (!statuses.example) statuses.example = (await r.text()).slice(0, 200);
        }
      } catch {
        errors++;
        statuses['no answer'] = (statuses['no answer'] ?? 0) + 1;
      }
    }
  };
  const workers = Array.from({ length: Number(values.concurrency) }, worker);
  await new Promise((r) => setTimeout(r, 1500 + Math.random() * 1500));
  server.kill('SIGKILL');
  stop = true;
  await Promise.allSettled(workers);
  await server.exited;
  console.log(
    `round ${round}: killed with SIGKILL; ${acked.size} acknowledged so far, ${sent} sent, ${errors} not acknowledged; answers ${JSON.stringify(statuses)}`,
  );
}
const server = start();
await healthy();
let lost = 0;
for (const [id, number] of acked) {
  const r = await fetch(`${BASE}/api/cases/${id}`, { headers: { cookie } });
  if (r.status !== 200) {
    lost++;
    console.log(`LOST ${number} (${id}): ${r.status}`);
  }
}
server.kill('SIGTERM');
await server.exited;
rmSync(dataDir, { recursive: true, force: true });
console.log(`acknowledged ${acked.size}, lost ${lost}`);
process.exit(lost ? 1 : 0);
