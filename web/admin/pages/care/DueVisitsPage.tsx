/** 九必问走访: the grid worker's due and overdue visits, by deadline (a keyset list). */
import { Button, Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { type DueLine, StatusTag, TierTag } from './shared';

export function DueVisitsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams(); // ?status=overdue: the home's count opens its filter
  const [status, setStatus] = useState<'due' | 'overdue' | 'all'>(() =>
    search.get('status') === 'overdue' ? 'overdue' : 'due',
  );
  const due = usePaged((cursor) => api.get<Page<DueLine>>('/api/care/due', { status, cursor }), [status]);
  return (
    <>
      <PageTitle title={t('menu.careDue')} hint={t('care.dueHint')} />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'due', label: t('care.filterDue') },
            { value: 'overdue', label: t('care.filterOverdue') },
            { value: 'all', label: t('care.filterAll') },
          ]}
        />
        <ErrorAlert error={due.error} onRetry={due.reload} />
        <Table<DueLine>
          rowKey="dueId"
          size="small"
          loading={due.loading}
          dataSource={due.items}
          pagination={false}
          data-testid="care-due-table"
          columns={[
            { title: t('care.name'), dataIndex: 'name', width: 100 },
            { title: t('care.address'), dataIndex: 'address', ellipsis: true },
            {
              title: t('care.tier'),
              dataIndex: 'tier',
              width: 170,
              render: (v: DueLine['tier']) => <TierTag tier={v} />,
            },
            { title: t('care.dueAt'), dataIndex: 'dueAt', width: 160, render: formatDateTime },
            {
              title: t('care.status'),
              dataIndex: 'status',
              width: 90,
              render: (v: DueLine['status']) => <StatusTag status={v} />,
            },
            { title: t('care.lastVisit'), dataIndex: 'lastVisitAt', width: 160, render: formatDateTime },
            {
              key: 'go',
              width: 110,
              render: (_: unknown, d) => (
                <Button size="small" type="primary" onClick={() => navigate(`/care/${d.personId}`)}>
                  {t('care.visit')}
                </Button>
              ),
            },
          ]}
        />
        <LoadMore paged={due} />
      </Card>
    </>
  );
}
