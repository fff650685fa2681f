/** Markdown formatting of evaluation results for docs/classifier.md. */
import type { Metrics } from '../../src/server/modules/classifier/classifier.metrics';

export const pct = (v: number): string => v.toFixed(4);

export function perClassTable(m: Metrics): string {
  const rows = m.perClass.map(
    (c) => `| ${c.label} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.support} |`,
  );
  return ['| label | precision | recall | F1 | support |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

export function confusionTable(m: Metrics): string {
  const head = `| true \\ predicted | ${m.labels.join(' | ')} |`;
  const sep = `|---|${m.labels.map(() => '---:').join('|')}|`;
  const rows = m.confusion.map(
    (row, i) => `| **${m.labels[i]}** | ${row.map((n, j) => (i === j ? `**${n}**` : String(n))).join(' | ')} |`,
  );
  return [head, sep, ...rows].join('\n');
}
