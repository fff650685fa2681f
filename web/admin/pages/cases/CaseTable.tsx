/** A queue of cases: number (opens the detail page), title, category, state, tier, place, deadlines. */
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { type CaseRow, categoryName, STATE_COLORS, stateLabel, tierLabel, urgencyLabel } from '../../../shared/cases';
import { useCategories } from '../../../shared/categories';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

interface Props {
  rows: CaseRow[];
  loading: boolean;
  actions?: (c: CaseRow) => ReactNode;
  expand?: (c: CaseRow) => ReactNode;
  testId?: string;
  /** shows the reporter column; picking a reporter narrows the list to their reports */
  onReporter?: (reporterId: string) => void;
}

export function isOverdue(c: CaseRow, now = Date.now()): boolean {
  return !!c.handleDueAt && ['dispatched', 'handling'].includes(c.state) && new Date(c.handleDueAt).getTime() < now;
}

export function CaseTable({ rows, loading, actions, expand, testId, onReporter }: Props) {
  const { t, lang } = useI18n();
  const { departmentName } = useSession();
  const categories = useCategories();
  return (
    <Table<CaseRow>
      size="small"
      bordered
      rowKey="id"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: t('case.empty') }}
      pagination={false}
      scroll={{ x: onReporter ? 1520 : 1390 }}
      data-testid={testId}
      expandable={
        expand ? { expandedRowRender: expand, rowExpandable: (c) => (c.ruleTrace?.length ?? 0) > 0 } : undefined
      }
      onRow={(c) => ({ 'data-number': c.number }) as React.HTMLAttributes<HTMLTableRowElement>}
      columns={[
        {
          title: t('case.number'),
          dataIndex: 'number',
          width: 200,
          render: (n: string, c) => (
            <Link to={`/cases/${c.id}`} data-testid="case-link">
              {n}
            </Link>
          ),
        },
        {
          title: t('case.title'),
          dataIndex: 'title',
          width: 220,
          ellipsis: true,
          render: (v: string, c) => (
            <span>
              {c.urgency !== 'normal' && <Tag color="red">{urgencyLabel(c.urgency, lang)}</Tag>}
              {c.supervised && <Tag color="volcano">{t('case.supervised')}</Tag>}
              {v}
            </span>
          ),
        },
        {
          title: t('case.category'),
          dataIndex: 'categoryCode',
          width: 130,
          render: (code: string) =>
            categoryName(
              categories.find((x) => x.code === code),
              lang,
              code,
            ),
        },
        {
          title: t('case.state'),
          dataIndex: 'state',
          width: 110,
          render: (s: CaseRow['state']) => <Tag color={STATE_COLORS[s]}>{stateLabel(s, lang)}</Tag>,
        },
        { title: t('case.tier'), dataIndex: 'tier', width: 100, render: (v: string) => tierLabel(v, lang) },
        {
          title: t('case.handler'),
          key: 'handler',
          width: 150,
          render: (_: unknown, c) =>
            c.handlerDepartment ? (
              departmentName(c.handlerDepartment)
            ) : c.handlerUserId ? (
              <Typography.Text type="secondary">{t('act.toStaff')}</Typography.Text>
            ) : (
              '—'
            ),
        },
        ...(onReporter
          ? [
              {
                title: t('case.reporter'),
                key: 'reporter',
                width: 130,
                render: (_: unknown, c: CaseRow) =>
                  c.reporterId ? (
                    <Tooltip title={t('list.reporter')}>
                      <Typography.Link onClick={() => onReporter(c.reporterId!)} data-testid="reporter-filter">
                        {c.reporterName ?? '—'}
                      </Typography.Link>
                    </Tooltip>
                  ) : (
                    <Typography.Text type="secondary">
                      {c.anonymous ? t('case.anonymous') : (c.reporterName ?? '—')}
                    </Typography.Text>
                  ),
              },
            ]
          : []),
        { title: t('case.receivedAt'), dataIndex: 'receivedAt', width: 160, render: formatDateTime },
        {
          title: t('case.handleDue'),
          dataIndex: 'handleDueAt',
          width: 160,
          render: (v: string | null, c) =>
            isOverdue(c) ? (
              <Tooltip title={t('case.overdue')}>
                <Typography.Text type="danger">{formatDateTime(v)}</Typography.Text>
              </Tooltip>
            ) : (
              formatDateTime(v)
            ),
        },
        ...(actions
          ? [
              {
                title: t('col.actions'),
                key: 'actions',
                width: 260,
                fixed: 'right' as const,
                render: (_: unknown, c: CaseRow) => actions(c),
              },
            ]
          : []),
      ]}
    />
  );
}
