/** The 头雁 台账 as xlsx: the teams (people with posts) and the reserve cadres with their plans. */
import { loadExcel } from '../../platform/sheets';
import { BODY_LABELS, EDUCATION_LABELS, POST_LABELS, TEAM_LABELS } from './leaders.labels';
import type { PersonLine } from './leaders.schema';

type Row = PersonLine & { goals: { goal: string; dueOn: string; progress: number }[] };

const COLUMNS = [
  { header: '村（社区） Village', key: 'villageName', width: 16 },
  { header: '姓名 Name', key: 'name', width: 10 },
  { header: '性别 Gender', key: 'gender', width: 6 },
  { header: '出生日期 Born', key: 'birthDate', width: 12 },
  { header: '学历 Education', key: 'education', width: 10 },
  { header: '电话 Phone', key: 'phoneMasked', width: 14 },
  { header: '身份证号 ID', key: 'idMasked', width: 20 },
  { header: '六支队伍 Teams', key: 'teams', width: 24 },
  { header: '两委职务及任期 Posts', key: 'posts', width: 40 },
] as const;

const posts = (r: PersonLine) =>
  r.posts
    .map(
      (p) =>
        `${BODY_LABELS[p.body].zh}${POST_LABELS[p.post].zh} ${p.termStart}～${p.termEnd}${p.overlap ? '（任期重叠）' : ''}`,
    )
    .join('；');

/** `reserves`: the reserve cadres' sheet adds the mentor and the development plan. */
export async function writeLeadersXlsx(rows: Row[], reserves: boolean): Promise<Buffer> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const ws = wb.addWorksheet(reserves ? '后备干部台账' : '村（社区）两委及六支队伍台账');
  ws.columns = [
    ...COLUMNS.map((c) => ({ ...c })),
    ...(reserves
      ? [
          { header: '培养联系人 Mentor', key: 'mentor', width: 10 },
          { header: '培养计划 Plan', key: 'plan', width: 48 },
        ]
      : []),
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow({
      ...r,
      education: EDUCATION_LABELS[r.education].zh,
      teams: r.teams.map((t) => TEAM_LABELS[t].zh).join('、'),
      posts: posts(r),
      plan: r.goals.map((g) => `${g.goal}（${g.dueOn}前，${g.progress}%）`).join('；'),
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
