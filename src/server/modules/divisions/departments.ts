/**
 * The standard county departments (职能部门) every county has; `init --county` creates them so
 * department handlers and, later, case routing have somewhere to point. Names are editable later.
 */
import type { Queryable } from '../../platform/db/db';
import { insertDepartment } from './divisions.repo';

export const STANDARD_DEPARTMENTS = [
  { key: 'cgj', name: '城市管理执法局', nameEn: 'Urban Management and Law Enforcement Bureau' },
  { key: 'zjj', name: '住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
  { key: 'sthj', name: '生态环境分局', nameEn: 'Ecology and Environment Bureau' },
  { key: 'jtj', name: '交通运输局', nameEn: 'Transport Bureau' },
  { key: 'jyj', name: '教育局', nameEn: 'Education Bureau' },
  { key: 'rsj', name: '人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau' },
  { key: 'swj', name: '商务局', nameEn: 'Commerce Bureau' },
  { key: 'wjj', name: '卫生健康局', nameEn: 'Health Commission' },
  { key: 'sl', name: '水利和湖泊局', nameEn: 'Water Resources and Lakes Bureau' },
  { key: 'mzj', name: '民政局', nameEn: 'Civil Affairs Bureau' },
] as const;

export const departmentCode = (countyCode: string, key: string) => `${countyCode}-${key}`;

export async function ensureStandardDepartments(q: Queryable, countyCode: string): Promise<void> {
  for (const d of STANDARD_DEPARTMENTS) {
    await insertDepartment(q, { code: departmentCode(countyCode, d.key), name: d.name, nameEn: d.nameEn, countyCode });
  }
}
