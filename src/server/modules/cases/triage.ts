/**
 * The classifier's suggestions for staff triaging a case, asked through this port: the classifier
 * reads cases (categories, similar reports), so cases may not import it. app.ts plugs it in.
 */
import type { Deps } from '../../platform/deps';
import type { CaseStaffDetail } from './cases.schema';

/** What the classifier answers: its top department lines and county categories, each null when unavailable. */
export type TriageSuggestions = Pick<CaseStaffDetail, 'suggestions' | 'categorySuggestions'>;
export type TriageSuggester = (deps: Deps, input: { title: string; body: string }) => Promise<TriageSuggestions>;

let suggester: TriageSuggester = async () => ({});

export function provideTriageSuggestions(f: TriageSuggester): void {
  suggester = f;
}

export function triageSuggestions(deps: Deps, input: { title: string; body: string }): Promise<TriageSuggestions> {
  return suggester(deps, input);
}
