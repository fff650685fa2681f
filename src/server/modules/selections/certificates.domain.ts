/**
 * 荣誉证书 of a selection, pure: when they may be issued (results final), which winners still lack
 * one, their numbers (SEL-<year>-<seq>, the year of issue in China time) and the words printed on
 * them. No I/O; expected failures are values.
 */
import { fail, ok, type Result } from '../../platform/errors';
import { KIND_LABELS, PHASE_LABELS, type Phase, type SelectionKind, type Subject } from './selections.labels';

const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar year, month and day of an instant in China Standard Time. */
function cstParts(at: Date): { year: number; month: number; day: number } {
  const d = new Date(at.getTime() + CST_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const certificateYear = (at: Date): number => cstParts(at).year;

/** 2026年12月1日 */
export function chineseDate(at: Date): string {
  const { year, month, day } = cstParts(at);
  return `${year}年${month}月${day}日`;
}

/** SEL-2026-0007: the year of issue and the year's sequence (at least four digits). */
export const certificateNumber = (year: number, seq: number): string => `SEL-${year}-${String(seq).padStart(4, '0')}`;

/** Results are final once 公示 has closed and the selection moved to its results (the advance guard checked the rest). */
export function requireFinal(s: { phase: Phase }): Result<true> {
  return s.phase === 'results'
    ? ok(true)
    : fail('selection_results_not_final', { phase: PHASE_LABELS[s.phase].en, phaseZh: PHASE_LABELS[s.phase].zh });
}

/** The winners of the final ranking (selected, in rank order) that hold no certificate yet. */
export function winnersToCertify(
  ranking: readonly { position: number; nomineeId: string; selected: boolean }[],
  certified: ReadonlySet<string>,
): { nomineeId: string; rank: number }[] {
  return ranking
    .filter((r) => r.selected && !certified.has(r.nomineeId))
    .sort((a, b) => a.position - b.position)
    .map((r) => ({ nomineeId: r.nomineeId, rank: r.position }));
}

/** What a certificate states: read from its row, its selection and the places. */
export interface CertificateFacts {
  number: string;
  countyName: string;
  selectionTitle: string;
  kind: SelectionKind;
  subject: Subject;
  holderName: string;
  rank: number;
  issuingBody: string;
  issuedAt: Date;
}

/** The words printed on the certificate, in reading order (the PDF lays them out). */
export interface CertificateText {
  county: string;
  heading: string;
  headingEn: string;
  holder: string;
  citation: string;
  honour: string;
  issuingBody: string;
  date: string;
  number: string;
  verification: string;
}

/** The certificate's words; `verifyUrl` is where its number is checked (printed on it). */
export function certificateText(f: CertificateFacts, verifyUrl: string): CertificateText {
  const kind = KIND_LABELS[f.kind].zh;
  return {
    county: f.countyName,
    heading: '荣誉证书',
    headingEn: 'Certificate of Honour',
    holder: `${f.holderName}：`,
    citation: `在「${f.selectionTitle}」评选中，经提名、资格审查、评审打分、群众投票和公示，成绩突出，`,
    honour: `被评为「${kind}」（第${f.rank}名）。特发此证，以资鼓励。`,
    issuingBody: f.issuingBody,
    date: chineseDate(f.issuedAt),
    number: `证书编号：${f.number}`,
    verification: `真伪查验：${verifyUrl}`,
  };
}
