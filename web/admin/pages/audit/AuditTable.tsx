/** The audit rows: dense table; a row expands to the before/after values and the chain hashes. */
import { Descriptions, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import type { AuditRow } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { actionLabel, entityLabel, OUTCOME_COLORS } from './auditLabels';

const json = (v: unknown) =>
  v === null || v === undefined ? '—' : <pre className="cc-json">{JSON.stringify(v, null, 2)}</pre>;

export function AuditTable({ rows, loading }: { rows: AuditRow[]; loading: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table<AuditRow>
      size="small"
      bordered
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 980 }}
      data-testid="audit-table"
      expandable={{
        expandedRowRender: (r) => (
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('audit.before')}>{json(r.before)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.after')}>{json(r.after)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actorId')}>{r.actorId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.entityId')}>{r.entityId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="prevHash">
              <Typography.Text code className="cc-hash">
                {r.prevHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="hash">
              <Typography.Text code className="cc-hash">
                {r.hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        ),
      }}
      columns={[
        { title: 'ID', dataIndex: 'id', width: 70, align: 'right' },
        { title: t('col.time'), dataIndex: 'at', width: 160, render: formatDateTime },
        {
          title: t('audit.actor'),
          dataIndex: 'actorLabel',
          width: 190,
          render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
        },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          width: 210,
          render: (a: string) => (
            <span data-action={a}>
              {actionLabel(a, lang)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a}
              </Typography.Text>
            </span>
          ),
        },
        {
          title: t('audit.entity'),
          key: 'entity',
          render: (_: unknown, r) =>
            r.entityType ? (
              <span>
                {entityLabel(r.entityType, lang)}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.entityId?.slice(0, 13)}
                  {(r.entityId?.length ?? 0) > 13 ? '…' : ''}
                </Typography.Text>
              </span>
            ) : (
              '—'
            ),
        },
        { title: t('col.scope'), dataIndex: 'scopeCode', width: 120, render: (v: string | null) => v ?? '—' },
        { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
        {
          title: t('audit.outcome'),
          dataIndex: 'outcome',
          width: 80,
          render: (o: string) => (
            <Tag color={OUTCOME_COLORS[o] ?? 'default'}>{t(`audit.outcome.${o}` as 'audit.outcome.success')}</Tag>
          ),
        },
      ]}
    />
  );
}
