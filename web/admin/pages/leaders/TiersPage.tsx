/** 提级管理复核: the due and overdue reviews (audited list), soonest first; review here or open the record. */
import { Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { TierTable } from './TierTable';
import type { TierLine } from './types';

export function TiersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const due = usePaged((cursor) => api.get<Page<TierLine>>('/api/leaders/tiers/due', { cursor }), []);
  return (
    <>
      <PageTitle title={t('menu.leadersTiers')} hint={t('ldr.tiersHint')} />
      <Card size="small">
        <ErrorAlert error={due.error} onRetry={due.reload} />
        <TierTable
          tiers={due.items}
          onChanged={due.reload}
          withPerson
          onOpen={(x) => navigate(`/leaders/people/${x.personId}`)}
        />
        <LoadMore paged={due} />
      </Card>
    </>
  );
}
