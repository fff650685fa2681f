/**
 * The register's rules, pure: a county's settings (categories, the nine questions, the schedule),
 * a visit's answers checked against the questions, names masked for every view outside the
 * register. The schedule's arithmetic is schedule.domain.ts.
 */
import { DEFAULT_CATEGORIES, DEFAULT_QUESTIONS, type KeyedLabel } from './care.labels';
import { DEFAULT_SCHEDULE, type ScheduleConfig, scheduleProblem } from './schedule.domain';

export interface CareSettings {
  schedule: ScheduleConfig;
  categories: KeyedLabel[];
  questions: KeyedLabel[];
}

export const DEFAULT_SETTINGS: CareSettings = {
  schedule: DEFAULT_SCHEDULE,
  categories: [...DEFAULT_CATEGORIES],
  questions: [...DEFAULT_QUESTIONS],
};

/** The county (6 digits) a division or grid code belongs to. */
export const countyOf = (code: string) => code.slice(0, 6);
/** The village (12 digits) of a grid code. */
export const villageOf = (gridCode: string) => gridCode.slice(0, 12);

function keysProblem(list: KeyedLabel[], name: string, exactly?: number): string | null {
  if (exactly !== undefined && list.length !== exactly) return `${name}: ${exactly} expected, ${list.length} given`;
  const keys = new Set(list.map((c) => c.key));
  if (keys.size !== list.length) return `${name}: a key is repeated`;
  return null;
}

/** The first problem of a county's settings, or null: nine questions, distinct keys, a sound schedule. */
export function settingsProblem(s: CareSettings): string | null {
  const schedule = scheduleProblem(s.schedule);
  if (schedule) return `schedule.${schedule}`;
  return keysProblem(s.categories, 'categories') ?? keysProblem(s.questions, 'questions', 9);
}

export interface Answer {
  key: string;
  answer: string;
  concern: boolean;
}

/** Every question answered once, nothing else: the missing and the extra keys (both empty when sound). */
export function answersProblem(
  questions: KeyedLabel[],
  answers: Answer[],
): { missing: string[]; extra: string[] } | null {
  const asked = new Set(questions.map((q) => q.key));
  const given = answers.map((a) => a.key);
  const missing = [...asked].filter((k) => !given.includes(k));
  const extra = given.filter((k, i) => !asked.has(k) || given.indexOf(k) !== i);
  return missing.length || extra.length ? { missing, extra } : null;
}

export function unknownCategory(settings: CareSettings, categories: string[]): string | null {
  const known = new Set(settings.categories.map((c) => c.key));
  return categories.find((c) => !known.has(c)) ?? null;
}

/** A name as shown outside the register: the first character and one * per other character. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
