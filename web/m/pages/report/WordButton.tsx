/** One plain-word problem as a large button, and the choice 其他问题 (the report form and its picker). */
import type { ProblemWord } from '../../../shared/problem-words';
import { useI18n } from '../../i18n';

/** The choice 其他问题: filed under the local category 其他问题, sorted out by staff at triage. */
export const OTHER_PROBLEM: ProblemWord = {
  id: 'other',
  word: '其他问题',
  synonyms: [],
  categoryCode: 'L0007',
  sortOrder: Number.MAX_SAFE_INTEGER,
  enabled: true,
  extraFields: [],
};

export function WordButton({ w, chosen, onPick }: { w: ProblemWord; chosen: boolean; onPick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={`cc-m-word${chosen ? ' cc-m-word-on' : ''}`}
      aria-pressed={chosen}
      onClick={onPick}
      data-word={w.word}
    >
      {w.id === OTHER_PROBLEM.id ? t('report.problemOther') : w.word}
    </button>
  );
}
