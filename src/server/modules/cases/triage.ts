/**
 * The classifier's suggestions for staff triaging a case, asked through this port: the classifier
 * reads cases (categories, similar reports), so cases may not import it. app.ts plugs it in.
 */
import type { Deps } from '../../platform/deps';

export type TriageSuggester = (deps: Deps, input: { title: string; body: string }) => Promise<object>;

let suggester: TriageSuggester = async () => ({});

export function provideTriageSuggestions(f: TriageSuggester): void {
  suggester = f;
}

export function triageSuggestions(deps: Deps, input: { title: string; body: string }): Promise<object> {
  return suggester(deps, input);
}
