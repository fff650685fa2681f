/**
 * What the problem is, in plain words (issue #11): the county's common problems as large buttons —
 * the first few on the page, all of them (searchable by word or synonym) in a sheet (ProblemSheet, its
 * own chunk) — and 其他问题 for anything else. The resident never sees a category code; the chosen word
 * carries its category.
 */
import { List } from 'antd-mobile';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ProblemWord } from '../../../shared/problem-words';
import { useI18n } from '../../i18n';
import { OTHER_PROBLEM, WordButton } from './WordButton';

const loadSheet = () => import('./ProblemSheet');
const ProblemSheet = lazy(loadSheet);
const QUICK = 6;

interface Props {
  words: ProblemWord[];
  value: ProblemWord | null;
  onChange: (w: ProblemWord) => void;
}

export function ProblemField({ words, value, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false); // the sheet stays mounted once shown (its closing motion)
  useEffect(() => {
    void loadSheet().catch(() => undefined); // once the form shows, so a tap on it opens at once
  }, []);
  const show = () => {
    setOpened(true);
    setOpen(true);
  };
  const pick = (w: ProblemWord) => {
    onChange(w);
    setOpen(false);
  };
  const label = (w: ProblemWord) => (w.id === OTHER_PROBLEM.id ? t('report.problemOther') : w.word);
  return (
    <>
      <List.Item
        onClick={show}
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
      {opened && (
        <Suspense fallback={null}>
          <ProblemSheet open={open} words={words} value={value} onPick={pick} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
