/**
 * What the problem is, in plain words (issue #11): the county's common problems as large buttons —
 * the first few on the page, all of them (searchable by word or synonym) in a popup — and 其他问题
 * for anything else. The resident never sees a category code; the chosen word carries its category.
 */
import { List, NavBar, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { type ProblemWord, searchProblemWords } from '../../../shared/problem-words';
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
const QUICK = 6;

interface Props {
  words: ProblemWord[];
  value: ProblemWord | null;
  onChange: (w: ProblemWord) => void;
}

function WordButton({ w, chosen, onPick }: { w: ProblemWord; chosen: boolean; onPick: () => void }) {
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

export function ProblemField({ words, value, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const found = useMemo(() => searchProblemWords(words, q), [words, q]);
  const pick = (w: ProblemWord) => {
    onChange(w);
    setOpen(false);
    setQ('');
  };
  const label = (w: ProblemWord) => (w.id === OTHER_PROBLEM.id ? t('report.problemOther') : w.word);
  return (
    <>
      <List.Item
        onClick={() => setOpen(true)}
        extra={
          value ? (
            <span className="cc-m-word-value" data-testid="m-category-value">
              {label(value)}
            </span>
          ) : (
            <span className="cc-m-placeholder">{t('report.pickProblem')}</span>
          )
        }
        data-testid="m-category"
      >
        {t('report.problem')}
      </List.Item>
      {!value && words.length > 0 && (
        <div className="cc-m-words cc-m-words-quick" data-testid="m-problem-quick">
          {words.slice(0, QUICK).map((w) => (
            <WordButton key={w.id} w={w} chosen={false} onPick={() => pick(w)} />
          ))}
        </div>
      )}
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        position="bottom"
        bodyClassName="cc-m-picker"
        destroyOnClose
      >
        <NavBar
          backIcon={null}
          right={
            <button type="button" className="cc-m-link cc-m-word-cancel" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </button>
          }
        >
          {t('report.problem')}
        </NavBar>
        <SearchBar
          placeholder={t('report.problemSearch')}
          value={q}
          onChange={setQ}
          style={{ margin: '0 12px 8px' }}
          data-testid="m-category-search"
        />
        <div className="cc-m-picker-list" data-testid="m-category-list">
          <div className="cc-m-words">
            {found.map((w) => (
              <WordButton key={w.id} w={w} chosen={value?.id === w.id} onPick={() => pick(w)} />
            ))}
            <WordButton w={OTHER_PROBLEM} chosen={value?.id === OTHER_PROBLEM.id} onPick={() => pick(OTHER_PROBLEM)} />
          </div>
          {found.length === 0 && <div className="cc-m-hint cc-m-inset">{t('report.problemNone')}</div>}
        </div>
      </Popup>
    </>
  );
}
