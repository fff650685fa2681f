/** Yuan ↔ fen in the console without floating point: amounts travel as whole fen. */

/** "52000.5" → 5200050; null when the text is not an amount of yuan with at most two decimals. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/** 5200050 → "52,000.50". */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100).toLocaleString('en-US');
  return `${whole}.${String(fen % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage text: 9216 → "92.16%". */
export const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
