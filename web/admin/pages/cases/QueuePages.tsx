/**
 * 受理派遣, 我的任务, 核查: the work queues, each a filtered table (filters in the URL) with the buttons the
 * server allows per case; triage and verification split into 待我处理 and 我关注的 (tab=following).
 */
import { Button, Card, List, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, type Query } from '../../../shared/api';
import type { CaseRow } from '../../../shared/cases';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { CaseActions } from './CaseActions';
import { CaseFilters } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { useListFilters } from './list-filters';

export function RuleTraceList({ c }: { c: Pick<CaseRow, 'ruleTrace'> }) {
  const { pick, t } = useI18n();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('case.ruleTrace')}</Typography.Text>}
      dataSource={c.ruleTrace ?? []}
      data-testid="rule-trace"
      renderItem={(r, i) => (
        <List.Item>
          <Typography.Text data-rule={r.rule}>
            {i + 1}. {pick(r.zh, r.en)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** A work queue, a page at a time, narrowed by `query` (filters, the tab); `key` changes when they do. */
export const useQueue = (queue: string, query: Query = {}, key = '') =>
  usePaged((cursor) => api.get<Page<CaseRow>>('/api/cases', { queue, ...query, cursor }), [queue, key]);

type View = 'actionable' | 'following';

function QueuePage({
  queue,
  title,
  hint,
  testId,
  split = false,
}: {
  queue: string;
  title: MessageKey;
  hint: MessageKey;
  testId: string;
  /** two tabs: what I can act on (待我处理), what I can only follow (我关注的) */
  split?: boolean;
}) {
  const { t } = useI18n();
  const { filters, key, update, clear, params } = useListFilters();
  const view: View = split && params.get('tab') === 'following' ? 'following' : 'actionable';
  const cases = useQueue(queue, split ? { ...filters, view } : filters, `${key}:${view}`);
  const table = (
    <>
      <ErrorAlert error={cases.error} onRetry={cases.reload} />
      <CaseTable
        rows={cases.items}
        loading={cases.loading}
        testId={view === 'following' ? `${testId}-following` : testId}
        expand={(c) => <RuleTraceList c={c} />}
        actions={(c) => <CaseActions c={c} onDone={cases.reload} />}
      />
      <LoadMore paged={cases} />
    </>
  );
  return (
    <>
      <PageTitle
        title={t(title)}
        hint={t(hint)}
        extra={
          <Button icon={<ReloadOutlined />} onClick={cases.reload}>
            {t('action.refresh')}
          </Button>
        }
      />
      <Card size="small">
        <CaseFilters filters={filters} onChange={update} onClear={clear} />
        {split ? (
          <Tabs
            activeKey={view}
            onChange={(tab) => update({ tab: tab === 'following' ? tab : undefined })}
            items={[
              { key: 'actionable', label: t('queue.actionable'), children: view === 'actionable' && table },
              {
                key: 'following',
                label: <span data-testid={`${testId}-following-tab`}>{t('queue.following')}</span>,
                children: view === 'following' && (
                  <>
                    <Typography.Paragraph type="secondary">{t('queue.followingHint')}</Typography.Paragraph>
                    {table}
                  </>
                ),
              },
            ]}
          />
        ) : (
          table
        )}
      </Card>
    </>
  );
}

export const TriagePage = () => (
  <QueuePage queue="triage" title="menu.triage" hint="triage.hint" testId="triage-table" split />
);
export const TasksPage = () => <QueuePage queue="tasks" title="menu.tasks" hint="tasks.hint" testId="tasks-table" />;
export const VerifyPage = () => (
  <QueuePage queue="verify" title="menu.verify" hint="verify.hint" testId="verify-table" split />
);
