/** The service circle's labels (plain data, imported by server and web). */

export interface Label {
  zh: string;
  en: string;
}

/** GB 50180-2018 life circles and the 2021 便民生活圈 guide's convenience services. */
export const CIRCLE_LEVELS = ['5min', '10min', '15min', 'convenience'] as const;
export type CircleLevel = (typeof CIRCLE_LEVELS)[number];
export const CIRCLE_LEVEL_LABELS: Record<CircleLevel, Label> = {
  '5min': { zh: '5分钟生活圈（约300米）', en: '5-minute circle (about 300 m)' },
  '10min': { zh: '10分钟生活圈（约500米）', en: '10-minute circle (about 500 m)' },
  '15min': { zh: '15分钟生活圈（800–1000米）', en: '15-minute circle (800–1000 m)' },
  convenience: { zh: '一刻钟便民生活圈', en: 'Quarter-hour convenience circle' },
};

export const AUDIT_LABELS = {
  'circle.kind_update': { zh: '修改设施类型', en: 'Facility kind changed' },
  'circle.facility_create': { zh: '新增服务设施', en: 'Facility added' },
  'circle.facility_update': { zh: '修改服务设施', en: 'Facility changed' },
  'circle.facility_delete': { zh: '删除服务设施', en: 'Facility removed' },
  'circle.facility_import': { zh: '导入设施台账', en: 'Facility sheet imported' },
  'circle.roads_import': { zh: '导入路网', en: 'Road network imported' },
  'circle.settings_update': { zh: '修改生活圈设置', en: 'Circle settings changed' },
} as const satisfies Record<string, Label>;

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  circle_facility: { zh: '服务设施', en: 'service facility' },
  circle_kind: { zh: '设施类别', en: 'facility kind' },
  circle_roads: { zh: '路网', en: 'road network' },
  circle_settings: { zh: '服务圈设置', en: 'service circle settings' },
};
