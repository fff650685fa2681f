/**
 * A routing trace in words (issue #11 item 11): the rules write the codes they decided on (grid
 * 421081107212001, department 421081-cgj); before the trace is kept, each code is given its name — in
 * the Chinese step the division's and department's names (「百子庵村第1网格」, 城管局), in the English step
 * the department's English name (divisions have no English name: their code stays). Pure but for `names`.
 */
import type { TraceStep } from './routing';

export interface TraceNames {
  divisions: Map<string, string>;
  departments: Map<string, { zh: string; en: string }>;
}

const DIVISION = /\s?(?<!\d)(\d{12}|\d{15})(?!\d)\s?/g;
const DEPARTMENT = /\s?\b(\d{6}-[a-z][a-z0-9_]*)\b\s?/g;

/** The codes a trace names, to look up. */
export function traceCodes(trace: TraceStep[]): { divisions: string[]; departments: string[] } {
  const text = trace.map((s) => `${s.zh} ${s.en}`).join(' ');
  return {
    divisions: [...new Set([...text.matchAll(DIVISION)].map((m) => m[1]))],
    departments: [...new Set([...text.matchAll(DEPARTMENT)].map((m) => m[1]))],
  };
}

export function nameTrace(trace: TraceStep[], names: TraceNames): TraceStep[] {
  return trace.map((s) => ({
    ...s,
    zh: s.zh
      .replace(DEPARTMENT, (all, code: string) => names.departments.get(code)?.zh ?? all)
      .replace(DIVISION, (all, code: string) => {
        const name = names.divisions.get(code);
        return name ? `「${name}」` : all;
      }),
    en: s.en.replace(DEPARTMENT, (all, code: string) => {
      const d = names.departments.get(code);
      return d ? `${all.startsWith(' ') ? ' ' : ''}${d.en}${all.endsWith(' ') ? ' ' : ''}` : all;
    }),
  }));
}
