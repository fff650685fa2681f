/**
 * The indicator table's dimensions and columns, named once for the server (schemas, sorting) and
 * the console (its selector and column groups). Plain data: no imports.
 */
export const DIMENSIONS = ['grid', 'village', 'town', 'department', 'category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The counts of the table, in column order. */
export const COUNT_COLUMNS = ['received', 'filed', 'due', 'closed'] as const;
/** The rates of the table (percent), in column order. */
export const RATE_COLUMNS = [
  'closureRate',
  'onTimeRate',
  'reworkRate',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
] as const;
/** What the table may be ranked by: every count, every rate and the average handling time. */
export const SORT_KEYS = [...COUNT_COLUMNS, ...RATE_COLUMNS, 'avgHandlingHours'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
