/** 擂台赛: the contests of the actor's places (newest first). */
import { Card, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { ContestLine } from './types';

export function ContestsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const contests = usePaged((cursor) => api.get<Page<ContestLine>>('/api/leaders/contests', { cursor }), []);
  return (
    <>
      <PageTitle title={t('menu.leadersContests')} hint={t('ldr.contestsHint')} />
      <Card size="small">
        <ErrorAlert error={contests.error} onRetry={contests.reload} />
        <Table<ContestLine>
          rowKey="id"
          size="small"
          data-testid="leaders-contests"
          loading={contests.loading}
          dataSource={contests.items}
          pagination={false}
          onRow={(c) => ({ onClick: () => navigate(`/leaders/contests/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('ldr.title'), dataIndex: 'title' },
            { title: t('ldr.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('ldr.entrants'), dataIndex: 'entrants', width: 100 },
          ]}
        />
        <LoadMore paged={contests} />
      </Card>
    </>
  );
}
