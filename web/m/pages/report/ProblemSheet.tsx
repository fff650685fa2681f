/**
 * All the county's problem words, searchable by word or synonym, in a bottom sheet. Its own chunk
 * (Popup, NavBar, SearchBar and their animation code): the report form is usable before it arrives on
 * a slow network, and ProblemField fetches it as soon as the form shows.
 */
import { NavBar, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { type ProblemWord, searchProblemWords } from '../../../shared/problem-words';
import { useI18n } from '../../i18n';
import { OTHER_PROBLEM, WordButton } from './WordButton';

interface Props {
  open: boolean;
  words: ProblemWord[];
  value: ProblemWord | null;
  onPick: (w: ProblemWord) => void;
  onClose: () => void;
}

export default function ProblemSheet({ open, words, value, onPick, onClose }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useMemo(() => searchProblemWords(words, q), [words, q]);
  const pick = (w: ProblemWord) => {
    onPick(w);
    setQ('');
  };
  return (
    <Popup visible={open} onMaskClick={onClose} position="bottom" bodyClassName="cc-m-picker" destroyOnClose>
      <NavBar
        backIcon={null}
        right={
          <button type="button" className="cc-m-link cc-m-word-cancel" onClick={onClose}>
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
  );
}
