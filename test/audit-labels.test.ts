/**
 * Audit action labels are defined once, by the module writing the action (`<name>.labels.ts`,
 * referenced by its manifest), and the console's audit page shows and filters by all of them: an
 * action written anywhere in src without a label fails here.
 *
 * Literal actions are read from the source (every `audit(…)`, `auditSystem(…)`, `auditRecord(…)`
 * call); the dynamic families (`cases.${type}`, `registers.import_${sheet}`, …) are enumerated from
 * the lists they are built from, and an action built any other way fails the scan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityLabel } from '../web/admin/pages/audit/auditLabels';
import { MODULES } from '../src/server/modules';
import { COMMANDS } from '../src/server/modules/cases/events/table';
import { EXPORTED_SHEETS } from '../src/server/modules/organisation/organisation.labels';
import { REGISTERS } from '../src/server/modules/organisation/registers.sheets';
import { StepBody } from '../src/server/modules/points/points.schema';
import { ERRAND_ACTIONS } from '../src/server/modules/services/services.labels';

const ROOT = path.resolve(__dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });

/** The argument text of every call to `name(` in `text` (balanced parentheses). */
function callArguments(text: string, name: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(name)) {
    let depth = 0;
    const start = m.index! + m[0].length - 1; // the opening parenthesis
    for (let i = start; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        out.push(text.slice(start + 1, i));
        break;
      }
    }
  }
  return out;
}

/** The dynamic families, each enumerated from the list its actions are built from. */
const FAMILIES: Record<string, readonly string[]> = {
  'cases.${input.type}': Object.keys(COMMANDS).map((t) => `cases.${t}`),
  'registers.import_${sheet}': Object.keys(REGISTERS).map((s) => `registers.import_${s}`),
  'registers.export_${sheet}': EXPORTED_SHEETS.map((s) => `registers.export_${s}`),
  'points.award_${input.type}': StepBody.anyOf.map((o) => `points.award_${o.properties.type.const}`),
  // issue #14 (services): the errand steps
  'services.errand_${action}': ERRAND_ACTIONS.map((a) => `services.errand_${a}`),
};

const LITERAL = /'([a-z0-9_]+\.[a-z0-9_]+)'/g;

/** Every audit action written in src, with where; `problems` are actions the scan cannot enumerate. */
function writtenActions() {
  const actions = new Map<string, string>();
  const problems: string[] = [];
  for (const file of sources(path.join(ROOT, 'src'))) {
    const rel = path.relative(ROOT, file);
    if (rel.startsWith('src/server/platform/audit/')) continue; // the writer itself: actions are passed in
    const text = readFileSync(file, 'utf8');
    for (const args of callArguments(text, /\b(?:audit|auditSystem|auditRecord)\(/g)) {
      const m = /\baction(?::\s*([^\n]*))?/.exec(args);
      if (!m) continue;
      const expr = m[1] ?? '';
      const literals = [...expr.matchAll(LITERAL)].map((x) => x[1]);
      const template = /`([^`]+)`/.exec(expr)?.[1];
      if (literals.length) for (const a of literals) actions.set(a, rel);
      else if (template && FAMILIES[template]) for (const a of FAMILIES[template]) actions.set(a, rel);
      else if (!m[1] && /\b(?:reserveAttempt|recordFailure)\(/.test(text))
        continue; // passed in: below
      else problems.push(`${rel}: action ${expr || '(shorthand)'}`);
    }
    // sign-in attempts: the action is an argument of reserveAttempt / recordFailure
    for (const args of callArguments(text, /\b(?:reserveAttempt|recordFailure)\(/g))
      for (const [, a] of args.matchAll(LITERAL)) actions.set(a, rel);
  }
  return { actions, problems };
}

describe('audit action labels', () => {
  const { actions, problems } = writtenActions();

  it('finds every action written in src (none built in a way the scan cannot enumerate)', () => {
    expect(problems).toEqual([]);
    expect(actions.size).toBeGreaterThan(80); // the scan is not blind: literals and every family
    for (const family of Object.values(FAMILIES)) expect(family.length).toBeGreaterThan(2);
    expect(actions.get('auth.totp')).toBe('src/server/modules/identity/signin.service.ts');
    expect(actions.get('open311.add_client')).toBe('src/cli/commands/open311.ts');
  });

  it('labels every action in its module, in Chinese and English', () => {
    const declared = new Map<string, { zh: string; en: string }>();
    for (const m of MODULES) for (const [a, l] of Object.entries(m.auditLabels ?? {})) declared.set(a, l);
    expect([...actions.keys()].filter((a) => !declared.has(a))).toEqual([]);
    for (const [a, l] of declared) {
      expect(l.zh, a).toMatch(/[\u4e00-\u9fff]/);
      expect(l.en, a).toMatch(/^[A-Z]/);
    }
  });

  it('declares each action once, and the audit page shows and filters by exactly the modules’ labels', () => {
    const all = MODULES.flatMap((m) => Object.keys(m.auditLabels ?? {}));
    expect(all.length).toBe(new Set(all).size);
    expect([...AUDIT_ACTIONS].sort()).toEqual([...all].sort());
    for (const a of actions.keys()) {
      expect(AUDIT_ACTIONS, a).toContain(a);
      expect(actionLabel(a, 'en'), a).not.toBe(a);
      expect(actionLabel(a, 'zh-CN'), a).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names every kind of record an audit row names (entityType), in Chinese and English', () => {
    const written = new Set<string>();
    for (const file of sources(path.join(ROOT, 'src')))
      for (const m of readFileSync(file, 'utf8').matchAll(/entityType: '([a-z_]+)'/g)) written.add(m[1]);
    expect(written.size).toBeGreaterThan(50); // the scan is not blind
    expect([...written].filter((e) => !AUDIT_ENTITY_TYPES.includes(e))).toEqual([]);
    for (const e of AUDIT_ENTITY_TYPES) {
      expect(entityLabel(e, 'zh-CN'), e).toMatch(/[\u4e00-\u9fff]/);
      expect(entityLabel(e, 'en'), e).not.toMatch(/[\u4e00-\u9fff_]/);
    }
  });
});
