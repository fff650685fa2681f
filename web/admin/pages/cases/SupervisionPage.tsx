/** 督办: overdue cases, cases due within 24 hours, and cases under supervision, side by side as tabs with counts. */
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { CaseRow } from '../../../shared/cases';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { CaseActions } from './CaseActions';
import { CaseTable } from './CaseTable';

const QUEUES = [
  ['overdue', 'board.overdue', '#cf1322'],
  ['due_soon', 'board.dueSoon', '#d48806'],
  ['supervised', 'board.supervised', '#d4380d'],
] as const;

export function SupervisionPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<string>('overdue');
  const all = useLoad(async () => {
    const lists = await Promise.all(QUEUES.map(([q]) => api.get<CaseRow[]>('/api/cases', { queue: q, limit: 200 })));
    return Object.fromEntries(QUEUES.map(([q], i) => [q, lists[i]])) as Record<string, CaseRow[]>;
  }, []);
  return (
    <>
      <PageTitle
        title={t('menu.supervision')}
        hint={t('supervision.hint')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={all.reload}>
            {t('action.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={all.error} onRetry={all.reload} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={QUEUES.map(([q, label, color]) => ({
            key: q,
            label: (
              <span>
                {t(label)} <Badge count={all.data?.[q]?.length ?? 0} showZero color={color} />
              </span>
            ),
            children: (
              <CaseTable
                rows={all.data?.[q] ?? []}
                loading={all.loading}
                testId={`board-${q}`}
                actions={(c) => <CaseActions c={c} onDone={all.reload} />}
              />
            ),
          }))}
        />
      </Card>
    </>
  );
}
