/**
 * `cocreate classifier retrain`: learn from the county's own cases. Retrains the department-line
 * model on the base data (--base, complaints-train format) plus the county's closed cases whose
 * category staff confirmed, and switches to it only when it is not worse on held-back county cases
 * (or with --force after a typed confirmation; --yes confirms for scripts). Retrains the county
 * category model. Prints the metrics and writes an audit row.
 */
import { createInterface } from 'node:readline';
import path from 'node:path';
import { listCategories } from '../../server/modules/cases/categories.repo';
import {
  auditRetrain,
  planRetrain,
  readBaseExamples,
  saveCountyModel,
  type CategoryPlan,
  type DepartmentPlan,
  type RetrainPlanOptions,
} from '../../server/modules/classifier/classifier.county';
import type { Metrics } from '../../server/modules/classifier/classifier.metrics';
import type { Deps } from '../../server/platform/deps';
import { failureText } from '../failure';
import { flag, openDeps } from './shared';

export interface RetrainIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks the operator a question and resolves with the line typed ('' at end of input). */
  ask(question: string): Promise<string>;
}

/** Exit codes: 0 done; 1 too little county data or unusable input; 2 usage; 3 the new department model was worse and not switched. */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

const USAGE = '[--base complaints-train.csv] [--force [--yes]]';
const fmt = (m: Pick<Metrics, 'accuracy' | 'macroF1'>) =>
  `accuracy ${m.accuracy.toFixed(3)}  macro-F1 ${m.macroF1.toFixed(3)}`;
const short = (m: Pick<Metrics, 'accuracy' | 'macroF1'>) => ({
  accuracy: Number(m.accuracy.toFixed(4)),
  macroF1: Number(m.macroF1.toFixed(4)),
});

/** The command's work on open Deps (tests call this directly). `options` tune training (tests use small models). */
export async function runRetrain(
  deps: Deps,
  args: string[],
  io: RetrainIo,
  options: Omit<RetrainPlanOptions, 'baseExamples'> = {},
): Promise<number> {
  const unknown = args.filter((a) => a.startsWith('--') && !['--base', '--force', '--yes'].includes(a.split('=')[0]));
  const basePath = flag(args, 'base');
  if (unknown.length || (args.some((a) => a.startsWith('--base')) && !basePath)) {
    io.err(`用法 Usage: npx cocreate classifier retrain ${USAGE}`);
    return EXIT.usage;
  }
  let baseExamples: RetrainPlanOptions['baseExamples'];
  if (basePath) {
    const base = await readBaseExamples(path.resolve(basePath));
    if (!base.ok) {
      io.err(`基础训练数据不可用 Base data unusable: ${failureText(base)}`);
      return EXIT.failed;
    }
    baseExamples = base.value;
  }
  const plan = await planRetrain(deps, { ...options, baseExamples });
  const n = plan.county;
  io.out(
    `本县已确认类别的案件 County cases with a confirmed category: ${n.confirmed} (已结案 closed ${n.closed}: 有部门条线 with a department line ${n.withLine}, 无 without ${n.withoutLine})`,
  );

  const department = await decideDepartment(deps, plan.department, args, io);
  const category = await saveCategory(deps, plan.category, io);
  await auditRetrain(deps, { county: n, department: department.audit, category: category.audit });
  if (department.code === EXIT.failed || category.code === EXIT.failed) {
    io.err(
      '本县数据不足，请在更多案件立案确认类别后再试 Too little county data: retry once more cases have been filed with a confirmed category.',
    );
    return EXIT.failed;
  }
  return department.code;
}

async function decideDepartment(deps: Deps, plan: DepartmentPlan, args: string[], io: RetrainIo) {
  io.out('');
  io.out('部门条线模型 Department-line model');
  if (plan.status !== 'ready') {
    const line = `  ${plan.status === 'skipped' ? '未重新训练 Not retrained' : '无法重新训练 Cannot retrain'}: ${plan.message}`;
    if (plan.status === 'skipped') io.out(line);
    else io.err(line);
    return {
      code: plan.status === 'skipped' ? EXIT.ok : EXIT.failed,
      audit: { status: plan.status, message: plan.message },
    };
  }
  const o = plan.outcome;
  io.out(`  留出的本县案件 Held-back county cases: ${o.heldBack}`);
  io.out(
    `  当前模型 current (${plan.current === 'county' ? '本县模型 county model' : '随产品发布 shipped model'}): ${fmt(o.before)}`,
  );
  io.out(`  新模型 new (${o.model.training.examples} examples):              ${fmt(o.after)}`);
  let forced = false;
  if (!o.accept && args.includes('--force')) {
    const answer = args.includes('--yes')
      ? 'yes'
      : await io.ask(
          '  新模型更差。输入 yes 确认仍然启用 / The new model is worse. Type "yes" to switch to it anyway: ',
        );
    forced = answer.trim().toLowerCase() === 'yes';
    if (!forced) io.out('  未确认 Not confirmed.');
  }
  const audit = {
    status: o.accept ? 'accepted' : forced ? 'forced' : 'refused',
    heldBack: o.heldBack,
    before: short(o.before),
    after: short(o.after),
  };
  if (!o.accept && !forced) {
    io.out(
      `  新模型更差，保留当前模型 The new model is worse; the current model is kept${args.includes('--force') ? '' : ' (--force to switch anyway)'}.`,
    );
    return { code: EXIT.refused, audit };
  }
  const file = await saveCountyModel(deps, 'department', o.model);
  io.out(`  已启用新模型 Switched to the new model${forced ? ' (强制 forced)' : ''}: ${file}`);
  return { code: EXIT.ok, audit: { ...audit, file } };
}

async function saveCategory(deps: Deps, plan: CategoryPlan, io: RetrainIo) {
  io.out('');
  io.out('类别模型 Category model');
  const names = new Map((await listCategories(deps.db, true)).map((c) => [c.code, c.name]));
  const list = (items: { label: string; count: number }[]) =>
    items.map((l) => `${l.label} ${names.get(l.label) ?? ''} ×${l.count}`).join(', ') || '-';
  const learnable = plan.status === 'ready' ? plan.outcome.learnable : plan.learnable;
  const skipped = plan.status === 'ready' ? plan.outcome.skipped : plan.skipped;
  io.out(`  可学习的类别 Learnable categories: ${list(learnable)}`);
  if (skipped.length) io.out(`  案件太少而未学习 Too few cases to learn: ${list(skipped)}`);
  if (plan.status !== 'ready') {
    io.err(`  无类别模型 No category model: ${plan.message}`);
    return { code: EXIT.failed, audit: { status: 'too_few', message: plan.message } };
  }
  const o = plan.outcome;
  io.out(`  留出的本县案件 Held-back county cases: ${o.heldBack}: ${fmt(o.metrics)}`);
  const file = await saveCountyModel(deps, 'category', o.model);
  io.out(`  已保存 Saved: ${file}`);
  return {
    code: EXIT.ok,
    audit: { status: 'saved', categories: learnable.length, heldBack: o.heldBack, metrics: short(o.metrics), file },
  };
}

function consoleIo(): RetrainIo {
  return {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ask: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        let answered = false;
        rl.on('close', () => {
          if (!answered) resolve('');
        });
        rl.question(question, (answer) => {
          answered = true;
          rl.close();
          resolve(answer);
        });
      }),
  };
}

export async function classifierRetrain(args: string[]): Promise<number> {
  const { db, deps } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    return await runRetrain(deps, args, consoleIo());
  } finally {
    await db.close();
  }
}
