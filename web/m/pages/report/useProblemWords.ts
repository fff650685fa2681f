/**
 * The county's problem words for the report form: asked of the server, and kept on the phone
 * (localStorage) so a report can be written without network from the list last seen.
 */
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { ProblemWord } from '../../../shared/problem-words';

const KEPT = 'cc-m-problem-words';

function kept(): ProblemWord[] {
  try {
    return JSON.parse(localStorage.getItem(KEPT) ?? '[]') as ProblemWord[];
  } catch {
    return [];
  }
}

let asked: Promise<ProblemWord[]> | null = null;

/** Starts asking at once (the report page's module calls it when it loads: no wait for the first render). */
export function prefetchProblemWords(): Promise<ProblemWord[]> {
  asked ??= api.get<ProblemWord[]>('/api/problem-words').then(
    (words) => {
      try {
        localStorage.setItem(KEPT, JSON.stringify(words));
      } catch {
        // storage full or private mode: the list still works online
      }
      return words;
    },
    (e) => {
      asked = null;
      throw e;
    },
  );
  return asked;
}

export function useProblemWords(): ProblemWord[] {
  const [words, setWords] = useState<ProblemWord[]>(kept);
  useEffect(() => {
    prefetchProblemWords().then(setWords, () => undefined);
  }, []);
  return words;
}
