/**
 * Test fixtures for learning from county cases: cases inserted straight through the case repo
 * (open, or filed/closed with a confirmed category), category vocabularies and small models.
 */
import type { Database } from '../../platform/db/db';
import { randomUUID } from 'node:crypto';
import { updateCase, type CaseRow } from '../cases/cases.repo';
import { insertCases, prepareCase } from '../cases/intake.repo';
import { TEST_TRAIN_OPTIONS, syntheticExamples } from './classifier.fixtures';
import type { Example } from './classifier.model';
import { cutText } from '../../platform/text';

/** 石首市 county seat (inside the county outline). */
export const SEAT: [number, number] = [112.419609, 29.723349];
/** Degrees of latitude for a distance in metres. */
export const metresNorth = (m: number) => m / 111_320;

/** County categories and the words their reports use (路灯 and 井盖 → 城乡建设, 信号灯 → 交通运输, 暴露垃圾 → no line). */
export const CATEGORY_WORDS: Record<string, string[]> = {
  '01037': ['路灯', '灯杆', '不亮', '照明', '黑灯', '灯泡'],
  '01001': ['井盖', '窨井', '缺失', '塌陷', '下水道', '盖板'],
  '02014': ['红绿灯', '信号灯', '路口', '倒计时', '闪烁', '斑马线'],
  '06010': ['垃圾', '垃圾堆', '清运', '臭味', '苍蝇', '乱倒'],
};

/** Category code → its department line under the default CLASSIFIER_DEPARTMENT_MAP (undefined: none). */
export const LINE_OF: Record<string, string | undefined> = {
  '01037': '城乡建设',
  '01001': '城乡建设',
  '02014': '交通运输',
};

/** Small, fast training options (tests). */
export const SMALL = { ...TEST_TRAIN_OPTIONS, epochs: 8 };

export interface InsertCase {
  categoryCode: string;
  description: string;
  title?: string;
  state?: CaseRow['state'];
  confirmed?: boolean;
  lng?: number;
  lat?: number;
  receivedAt?: Date;
  isPublic?: boolean;
}

/** Inserts a case as intake would, then moves it to `state` (default closed) with the category confirmed. */
export async function insertCountyCase(db: Database, c: InsertCase): Promise<CaseRow> {
  const at = c.receivedAt ?? new Date();
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [row] = await insertCases(tx, [
      {
        prepared: prepareCase({
          id,
          number: `421081-${at.toISOString().slice(0, 10).replace(/-/g, '')}-T${id.slice(0, 8)}`,
          followerId: null,
          outbox: null,
          case: {
            title: c.title ?? cutText(c.description, 30),
            description: c.description,
            categoryCode: c.categoryCode,
            extra: {},
            urgency: 'normal',
            lng: c.lng ?? SEAT[0],
            lat: c.lat ?? SEAT[1],
            address: null,
            gridCode: null,
            divisionCode: '421081001',
            tier: 'department',
            state: 'received',
            handlerUserId: null,
            handlerDepartment: null,
            reporterId: null,
            reporterName: '测试',
            reporterContact: null,
            enteredBy: null,
            anonymous: false,
            source: 'console',
            open311ClientId: null,
            isPublic: c.isPublic ?? true,
            idempotencyKey: null,
            ruleTrace: [],
            receivedAt: at,
            responseDueAt: at,
          },
          event: {
            at,
            actorId: null,
            actorLabel: '测试',
            type: 'receive',
            fromState: null,
            toState: 'received',
            note: null,
            data: {},
            isPublic: true,
          },
        }),
      },
    ]);
    const state = c.state ?? 'closed';
    if (state !== 'received') {
      await updateCase(tx, row.id, {
        state,
        categoryConfirmed: c.confirmed ?? true,
        filedAt: at,
        ...(state === 'closed' ? { closedAt: at } : {}),
      });
    }
    return { ...row, state };
  });
}

/** `perCategory` confirmed county cases per category (deterministic for a seed). */
export function countyExamplesFor(
  perCategory: number,
  seed: number,
  words: Record<string, string[]> = CATEGORY_WORDS,
): Example[] {
  return syntheticExamples(perCategory, seed, words);
}

export async function insertExamples(
  db: Database,
  examples: readonly Example[],
  state: CaseRow['state'] = 'closed',
): Promise<void> {
  for (const e of examples)
    await insertCountyCase(db, { categoryCode: e.label, title: e.title, description: e.body, state });
}

/** Base (hotline) data in the complaints-train CSV format. */
export function toCsv(examples: readonly Example[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `id,category,title,body\n${examples.map((e, i) => `b${i},${e.label},${q(e.title)},${q(e.body)}`).join('\n')}\n`;
}
