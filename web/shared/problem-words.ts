/**
 * Problems in plain words (issue #11): the resident picks one (路灯不亮, 犬只扰民…), never a code.
 * Search matches each entry's word and synonyms the way a person means them: 狗 finds 犬只扰民 (its
 * synonym) before 动物尸体 (死狗 merely contains it); 垃圾 finds 垃圾没人清 first; a whole sentence
 * (门口的路灯坏了) finds the entry whose term it contains, the longest term first. The hint for a
 * description is a phrase (看起来是：路灯不亮), from the county model when it is confident, else from
 * the words the description contains.
 */
import type { Static } from 'typebox';
import type { ProblemWordView } from '../../src/server/modules/cases/problem-words.schema';

export type ProblemWord = Static<typeof ProblemWordView>;

/** As the server compares terms (problem-words.domain.ts): no spaces, lower case, full width folded. */
export const normaliseTerm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** How well `term` answers `q` (both normalised); 0: not at all. */
function termScore(term: string, q: string, isWord: boolean): number {
  if (!term) return 0;
  if (term === q) return isWord ? 1000 : 900;
  if (q.includes(term)) return 500 + term.length * 10; // the query says more (a sentence): longest term wins
  if (term.includes(q)) return 300 - (term.length - q.length); // the query is part of the term: closest wins
  return 0;
}

function scoreOf(w: ProblemWord, q: string): number {
  return Math.max(
    termScore(normaliseTerm(w.word), q, true),
    ...w.synonyms.map((s) => termScore(normaliseTerm(s), q, false)),
  );
}

/** The entries matching `query`, best first (ties in the county's order); every entry when it is blank. */
export function searchProblemWords(words: readonly ProblemWord[], query: string): ProblemWord[] {
  const q = normaliseTerm(query);
  const ordered = [...words].sort((a, b) => a.sortOrder - b.sortOrder);
  if (!q) return ordered;
  return ordered
    .map((w) => ({ w, s: scoreOf(w, q) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.w);
}

/** The county model is trusted to pre-select from this probability on. */
export const CONFIDENT = 0.5;

export interface ModelGuess {
  code: string;
  probability: number;
}

/**
 * The problem a description seems to be: the county model's category when it is confident and an
 * entry maps to it, else the entry whose term the description contains (longest term first); null
 * when neither says anything.
 */
export function guessProblem(
  words: readonly ProblemWord[],
  description: string,
  model: ModelGuess | null,
): ProblemWord | null {
  const ordered = [...words].sort((a, b) => a.sortOrder - b.sortOrder);
  if (model && model.probability >= CONFIDENT) {
    const byModel = ordered.find((w) => w.categoryCode === model.code);
    if (byModel) return byModel;
  }
  const text = normaliseTerm(description);
  if (text.length < 2) return null;
  let best: { w: ProblemWord; len: number } | null = null;
  for (const w of ordered)
    for (const t of [w.word, ...w.synonyms].map(normaliseTerm))
      if (t && text.includes(t) && (!best || t.length > best.len)) best = { w, len: t.length };
  return best?.w ?? null;
}
