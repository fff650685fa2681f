/** 未覆盖户清单: households under a division with no linked party member, paged by household code. */
import { Button, Card, Result, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { UncoveredHousehold } from '../../../shared/people';
import { ErrorAlert } from '../../components/ErrorResult';
import { useI18n } from '../../i18n';

const PAGE = 100;

export function UncoveredList({ code, total }: { code: string; total: number }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<UncoveredHousehold[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<UncoveredHousehold[]>(`/api/coverage/${code}/uncovered`, { limit: PAGE, after });
      setRows((prev) => (after ? [...prev, ...page] : page));
      setMore(page.length === PAGE);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    setRows([]);
    if (total > 0) void load();
  }, [code, total]);

  return (
    <Card size="small" title={`${t('coverage.uncoveredList')}（${total}）`} data-testid="uncovered-list">
      <ErrorAlert error={error} onRetry={() => load()} />
      {total === 0 ? (
        <Result status="success" title={t('coverage.allCovered')} style={{ padding: 16 }} />
      ) : (
        <>
          <Table<UncoveredHousehold>
            size="small"
            rowKey="code"
            loading={loading}
            dataSource={rows}
            pagination={false}
            columns={[
              {
                title: t('people.household'),
                dataIndex: 'code',
                width: 220,
                render: (c: string) => (
                  <Typography.Text code copyable>
                    {c}
                  </Typography.Text>
                ),
              },
              { title: t('people.address'), dataIndex: 'address' },
              {
                title: t('people.members'),
                dataIndex: 'members',
                width: 110,
                align: 'right',
                render: (n: number) => t('coverage.membersN', { n }),
              },
            ]}
          />
          <div className="cc-table-foot">
            <Typography.Text type="secondary">{t('common.count', { n: rows.length })}</Typography.Text>
            {more && (
              <Button size="small" loading={loading} onClick={() => load(rows[rows.length - 1]?.code)}>
                {t('coverage.more')}
              </Button>
            )}
          </div>
        </>
      )}
    </Card>
  );
}
