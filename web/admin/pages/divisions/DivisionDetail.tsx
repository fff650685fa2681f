/** The selected division: its facts, its path and its direct children in a dense table. */
import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Table, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { type Division, fetchChildren, kindLabel } from '../../../shared/divisions';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function DivisionDetail({ division }: { division: Division | null }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const children = useLoad(
    () => (division && division.childCount > 0 ? fetchChildren(division.code) : Promise.resolve([] as Division[])),
    [division?.code],
  );
  if (!division)
    return (
      <Card size="small">
        <Empty description={t('divisions.pick')} />
      </Card>
    );

  return (
    <Card
      size="small"
      title={<span data-testid="division-detail-title">{division.name}</span>}
      extra={
        can('staff.read') && (
          <Button size="small" icon={<TeamOutlined />} onClick={() => navigate(`/staff?scope=${division.code}`)}>
            {t('divisions.viewStaff')}
          </Button>
        )
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('col.name')}>{division.name}</Descriptions.Item>
        <Descriptions.Item label={t('col.code')}>
          <Typography.Text code copyable>
            {division.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('col.kind')}>{kindLabel(division.kind, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('col.level')}>{t(`level.${division.level}` as 'level.3')}</Descriptions.Item>
        <Descriptions.Item label={t('col.parentCode')}>{division.parentCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('col.childCount')}>{division.childCount}</Descriptions.Item>
      </Descriptions>
      {division.childCount > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
            {t('divisions.children')}
          </Typography.Title>
          <ErrorAlert error={children.error} onRetry={children.reload} />
          <Table<Division>
            size="small"
            rowKey="code"
            loading={children.loading}
            dataSource={children.data ?? []}
            pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
            columns={[
              { title: t('col.name'), dataIndex: 'name' },
              {
                title: t('col.code'),
                dataIndex: 'code',
                render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
              },
              { title: t('col.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k, lang) },
              { title: t('col.childCount'), dataIndex: 'childCount', align: 'right', width: 90 },
            ]}
          />
        </>
      )}
    </Card>
  );
}
