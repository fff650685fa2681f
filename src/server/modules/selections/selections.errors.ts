/** Error codes of the selections module (评选): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const SELECTIONS_ERRORS = defineErrors({
  selection_phase_wrong: {
    status: 409,
    zh: '评选当前处于「{phaseZh}」阶段，不能{actionZh}',
    en: 'The selection is in its {phase} phase: you cannot {action} now',
  },
  selection_phase_early: {
    status: 409,
    zh: '「{phaseZh}」阶段按计划于 {until} 结束；提前结束须填写理由',
    en: 'The {phase} phase is scheduled to end at {until}; ending it early needs a reason',
  },
  selection_weights_invalid: {
    status: 400,
    zh: '评分标准的权重之和须为 100，现为 {total}',
    en: 'The criteria weights must add up to 100; they add up to {total}',
  },
  selection_dates_invalid: {
    status: 400,
    zh: '日期须依次为：提名截止 ≤ 投票开始 < 投票截止，且提名截止不早于现在',
    en: 'Dates must be in order: nominations close ≤ voting opens < voting closes, and nominations close in the future',
  },
  selection_unchecked_nominees: {
    status: 409,
    zh: '还有 {count} 名候选人未做资格审查',
    en: 'Nominees still awaiting their eligibility check: {count}',
  },
  selection_no_eligible: { status: 409, zh: '没有通过资格审查的候选人', en: 'No nominee passed the eligibility check' },
  selection_scoring_incomplete: {
    status: 409,
    zh: '还有 {missing} 份评分未完成：每位评审成员须对每位候选人逐项打分或申报回避',
    en: 'Score sheets missing: {missing}; each panel member scores every nominee or declares a conflict',
  },
  selection_objections_open: {
    status: 409,
    zh: '还有 {count} 条异议未答复',
    en: 'Objections not answered yet: {count}',
  },
  selection_publicity_running: {
    status: 409,
    zh: '公示期至 {until} 结束，之后才能公布结果',
    en: 'The publicity period runs until {until}; results come after it',
  },
  selection_not_a_voter: {
    status: 403,
    zh: '只有本次评选范围内经实名核验（人口台账登记）的居民可以{actionZh}',
    en: 'Only residents verified in the register within the selection’s area may {action}',
  },
  selection_vote_not_open: {
    status: 409,
    zh: '投票将于 {at} 开始',
    en: 'Voting opens at {at}',
  },
  selection_vote_closed: { status: 409, zh: '投票已于 {at} 截止', en: 'Voting closed at {at}' },
  selection_voted_on_paper: {
    status: 409,
    zh: '此人已投纸质选票（每人一票），不能再投或更改',
    en: 'This person has voted on paper (one vote each); the vote cannot be cast again or changed',
  },
  selection_vote_exists: {
    status: 409,
    zh: '此人已经投过票（每人一票）',
    en: 'This person has already voted (one vote each)',
  },
  selection_paper_confirm_self: {
    status: 403,
    zh: '纸质选票须由录入人以外的另一名工作人员确认',
    en: 'A paper vote must be confirmed by someone other than the person who entered it',
  },
  selection_paper_confirmed: { status: 409, zh: '这张纸质选票已确认', en: 'This paper vote is already confirmed' },
  selection_results_hidden: {
    status: 409,
    zh: '投票截止前不公布票数和结果',
    en: 'Votes and results are not shown before voting closes',
  },
  selection_not_panel: { status: 403, zh: '您不是本次评选的评审成员', en: 'You are not on this selection’s panel' },
  selection_conflict_declared: {
    status: 409,
    zh: '您已申报与该候选人存在利益关系（{reason}），应回避，不能为其打分',
    en: 'You declared a conflict of interest with this nominee ({reason}) and may not score them',
  },
  selection_score_out_of_range: {
    status: 400,
    zh: '「{criterion}」的分值须为 {min}–{max} 之间的整数，收到 {score}',
    en: 'The criterion "{criterion}" takes a whole number from {min} to {max}; got {score}',
  },
  selection_scores_incomplete: {
    status: 400,
    zh: '须对每项评分标准各打一个分（缺少或重复：{criteria}）',
    en: 'Give exactly one score per criterion (missing or repeated: {criteria})',
  },
  selection_nominee_ineligible: {
    status: 422,
    zh: '不符合参评条件：{ruleZh}',
    en: 'Not eligible: {ruleEn}',
  },
  selection_already_nominated: {
    status: 409,
    zh: '「{name}」已被提名，可以对该提名联名举荐',
    en: 'Already nominated: "{name}"; endorse that nomination instead',
  },
  selection_already_endorsed: { status: 409, zh: '您已联名举荐过', en: 'You have already endorsed this nomination' },
  selection_publicity_over: {
    status: 409,
    zh: '公示期已于 {at} 结束，不能再提出异议',
    en: 'The publicity period ended at {at}; objections are closed',
  },
  selection_objection_answered: { status: 409, zh: '这条异议已答复', en: 'This objection has already been answered' },
  selection_results_not_final: {
    status: 409,
    zh: '评选结果尚未最终确定（当前「{phaseZh}」阶段）：公示期结束、异议答复完毕并公布结果后才能颁发证书',
    en: 'The results are not final yet (the selection is in its {phase} phase): certificates are issued once publicity has closed and the results are out',
  },
  selection_certificate_not_found: {
    status: 404,
    zh: '查无此证书编号：{number}',
    en: 'No certificate has the number {number}',
  },
});

type SelectionsErrors = typeof SELECTIONS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends SelectionsErrors {}
}
