/** 督办: overdue cases, cases due within 24 hours, and cases under supervision, side by side as tabs with counts. */
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { CaseActions } from './CaseActions';
import { CaseTable } from './CaseTable';
import { useQueue } from './QueuePages';

const QUEUES = [
  ['overdue', 'board.overdue', '#cf1322'],
  ['due_soon', 'board.dueSoon', '#d48806'],
  ['supervised', 'board.supervised', '#d4380d'],
] as const;

export function SupervisionPage() {
  const { t } = useI18n();
  const [search] = useSearchParams(); // ?tab=due_soon: the home's count opens its tab
  const [tab, setTab] = useState<string>(() => {
    const asked = search.get('tab');
    return QUEUES.some(([q]) => q === asked) ? (asked as string) : 'overdue';
  });
  const lists = { overdue: useQueue('overdue'), due_soon: useQueue('due_soon'), supervised: useQueue('supervised') };
  const reload = () => {
    for (const l of Object.values(lists)) l.reload();
  };
  const error = Object.values(lists).find((l) => l.error)?.error;
  return (
    <>
      <PageTitle
        title={t('menu.supervision')}
        hint={t('supervision.hint')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('action.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={QUEUES.map(([q, label, color]) => ({
            key: q,
            label: (
              <span>
                {t(label)}{' '}
                <Badge
                  count={lists[q].more ? `${lists[q].items.length}+` : lists[q].items.length}
                  showZero
                  color={color}
                />
              </span>
            ),
            children: (
              <>
                <CaseTable
                  rows={lists[q].items}
                  loading={lists[q].loading}
                  testId={`board-${q}`}
                  actions={(c) => <CaseActions c={c} onDone={reload} />}
                />
                <LoadMore paged={lists[q]} />
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
