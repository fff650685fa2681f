/**
 * Problems in plain words (issue #11): what a resident picks on the report page instead of a code of
 * the national taxonomy. Each entry names one category (the case is filed under it); its word and
 * synonyms are the terms a search matches. A term belongs to one entry only (pure checks here; the
 * service applies them under the table's lock).
 */

export interface ProblemWord {
  id: string;
  word: string;
  synonyms: string[];
  categoryCode: string;
  sortOrder: number;
  enabled: boolean;
}

/** A term as compared: no surrounding or inner spaces, latin letters in lower case, full-width folded. */
export function normaliseTerm(term: string): string {
  return term.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** An entry's terms (its word and synonyms), normalised, without repeats and without empty ones. */
export function termsOf(entry: Pick<ProblemWord, 'word' | 'synonyms'>): string[] {
  return [...new Set([entry.word, ...entry.synonyms].map(normaliseTerm).filter(Boolean))];
}

export interface TermClash {
  term: string;
  /** The word of the entry that already has the term. */
  word: string;
}

/**
 * The first term of `candidate` another entry already has (as its word or as a synonym), or null.
 * `others` are the other entries (the candidate itself excluded by the caller, by id).
 */
export function findTermClash(
  candidate: Pick<ProblemWord, 'word' | 'synonyms'>,
  others: readonly Pick<ProblemWord, 'word' | 'synonyms'>[],
): TermClash | null {
  const owner = new Map<string, string>();
  for (const o of others) for (const t of termsOf(o)) owner.set(t, o.word);
  for (const t of termsOf(candidate)) {
    const word = owner.get(t);
    if (word !== undefined) return { term: t, word };
  }
  return null;
}

/** Cleans what an officer typed: trimmed word, synonyms trimmed, empty and repeated ones (and the word itself) dropped. */
export function cleanEntry<T extends Pick<ProblemWord, 'word' | 'synonyms'>>(entry: T): T {
  const word = entry.word.trim();
  const seen = new Set([normaliseTerm(word)]);
  const synonyms: string[] = [];
  for (const s of entry.synonyms.map((x) => x.trim())) {
    const n = normaliseTerm(s);
    if (!n || seen.has(n)) continue;
    seen.add(n);
    synonyms.push(s);
  }
  return { ...entry, word, synonyms };
}
