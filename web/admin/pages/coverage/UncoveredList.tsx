/** 未覆盖户清单: households under a division with no linked party member, paged by household code. */
import { Card, Result, Table, Typography } from 'antd';
import { api } from '../../../shared/api';
import type { UncoveredHousehold } from '../../../shared/people';
import type { Page } from '../../../shared/usePaged';
import { usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { useI18n } from '../../i18n';
import { coverageVerdict } from './coverage-verdict';

const PAGE = 100;
const NOTHING: Page<UncoveredHousehold> = { items: [], next: null, more: false };

/** `households`: how many the place has — with none, there is nothing covered to celebrate. */
export function UncoveredList({ code, total, households }: { code: string; total: number; households: number }) {
  const { t } = useI18n();
  const verdict = coverageVerdict({ households, uncovered: total });
  const rows = usePaged(
    (cursor) =>
      total > 0
        ? api.get<Page<UncoveredHousehold>>(`/api/coverage/${code}/uncovered`, { limit: PAGE, cursor })
        : Promise.resolve(NOTHING),
    [code, total],
  );

  return (
    <Card size="small" title={`${t('coverage.uncoveredList')}（${total}）`} data-testid="uncovered-list">
      <ErrorAlert error={rows.error} onRetry={rows.reload} />
      {verdict === 'no_households' ? (
        <Result
          status="info"
          title={t('coverage.noHouseholds')}
          subTitle={t('coverage.noneRegistered')}
          style={{ padding: 16 }}
          data-testid="coverage-no-households"
        />
      ) : verdict === 'all_covered' ? (
        <Result status="success" title={t('coverage.allCovered')} style={{ padding: 16 }} />
      ) : (
        <>
          <Table<UncoveredHousehold>
            size="small"
            rowKey="code"
            loading={rows.loading}
            dataSource={rows.items}
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
          <LoadMore paged={rows} />
        </>
      )}
    </Card>
  );
}
