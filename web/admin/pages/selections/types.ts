/** 评选 for the console: the server's contract types and labels. */
export type {
  CreateSelectionInput,
  NomineeView,
  ObjectionView,
  PaperVoteView,
  PanelSheetView,
  ResultsView,
  SelectionSummaryView,
  SelectionView,
  VoteSignsView,
} from '../../../../src/server/modules/selections/selections.schema';
export {
  KIND_LABELS,
  NOMINEE_STATUS_LABELS,
  PHASE_LABELS,
  ROUTE_LABELS,
  SELECTION_KINDS,
} from '../../../../src/server/modules/selections/selections.labels';
export const label = (l: { zh: string; en: string }, lang: string) => (lang === 'en' ? l.en : l.zh);
export type {
  CertificateView,
  IssueResultView,
} from '../../../../src/server/modules/selections/certificates.schema';
