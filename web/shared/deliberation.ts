/**
 * Deliberation (议事协商) for the console and the resident app: the server's contract types
 * (deliberation.schema.ts, matters.schema.ts) and labels (deliberation.labels.ts), defined once there.
 */
import type { Static } from 'typebox';
import type * as S from '../../src/server/modules/deliberation/deliberation.schema';
import type * as M from '../../src/server/modules/deliberation/matters.schema';
import type * as P from '../../src/server/modules/deliberation/proposals.schema';

export {
  DISCLOSURE_CATEGORY_LABELS,
  isCouncilMeeting,
  MATTER_EVENT_LABELS,
  MATTER_STATE_LABELS,
  MEETING_STATE_LABELS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  MOTION_KIND_LABELS,
  OWN_FRACTION_LABELS,
  OWN_FRACTIONS,
  VOTE_METHOD_LABELS,
} from '../../src/server/modules/deliberation/deliberation.labels';
export type {
  DisclosureCategory,
  MatterEvent,
  MatterState,
  MeetingType,
} from '../../src/server/modules/deliberation/deliberation.labels';

export type Meeting = Static<typeof S.Meeting>;
export type MeetingSummary = Static<typeof S.MeetingSummary>;
export type Motion = Static<typeof S.Motion>;
export type RuleResult = Static<typeof S.RuleResult>;
export type LiveQuorum = Static<typeof S.Quorum>;
export type RosterEntry = Static<typeof S.RosterEntry>;
export type SignInResult = Static<typeof S.SignInResult>;
export type MyMeeting = Static<typeof S.MyMeeting>;
export type TypeRules = Static<typeof S.TypeRules>;
export type Matter = Static<typeof M.Matter>;
export type MatterSummary = Static<typeof M.MatterSummary>;
export type Disclosure = Static<typeof M.Disclosure>;
export type ScheduleRow = Static<typeof M.ScheduleRow>;
export type ProposalSummary = Static<typeof P.ProposalSummary>;
export type Proposal = Static<typeof P.Proposal>;
