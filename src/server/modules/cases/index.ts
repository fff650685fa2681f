/** Woodpecker reports and the case loop: other modules import only from here. */
export type { CaseEventType, CaseState } from './case-machine';
export { canReadCase } from './cases.policy';
export { findCase, findCaseByNumber, nearbyOpen, type CaseRow } from './cases.repo';
export { findCategory, listCategories, seedCategories, type Category } from './categories.repo';
export { cachedCategories } from './categories.service';
export { seedProblemWords } from './problem-words.repo';
export { DEFAULT_PROBLEM_WORDS } from './problem-words.seed';
export { submitReport } from './intake.service';
export { MAX_PHOTO_BYTES, preparePhoto, storePhoto, type PreparedPhoto } from './photos.service';
export { loadTaxonomy, type CategorySeed, type ExtraField, type Tier, type TimeLimits, type Urgency } from './taxonomy';
export { provideTriageSuggestions, type TriageSuggester } from './triage';
export { CASES_FILED, CASES_NOTIFY, type CasesFiledPayload, type NotifyPayload } from './topics';
export {
  CategorySuggestion,
  IdParams,
  LineSuggestion,
  type CaseStaffView,
  type CaseResidentView,
} from './cases.schema';
