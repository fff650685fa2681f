/** 受理派遣, 我的任务, 核查: the work queues, each a table with the buttons the server allows per case. */
import { Button, Card, List, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api';
import type { CaseRow } from '../../../shared/cases';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { CaseActions } from './CaseActions';
import { CaseTable } from './CaseTable';

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
          <div>
            <Typography.Text>
              {i + 1}. {pick(r.zh, r.en)}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {r.rule}
              </Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

/** A work queue, a page at a time (newest first). */
export const useQueue = (queue: string) =>
  usePaged((cursor) => api.get<Page<CaseRow>>('/api/cases', { queue, cursor }), [queue]);

function QueuePage({
  queue,
  title,
  hint,
  testId,
}: {
  queue: string;
  title: MessageKey;
  hint: MessageKey;
  testId: string;
}) {
  const { t } = useI18n();
  const cases = useQueue(queue);
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
        <ErrorAlert error={cases.error} onRetry={cases.reload} />
        <CaseTable
          rows={cases.items}
          loading={cases.loading}
          testId={testId}
          expand={(c) => <RuleTraceList c={c} />}
          actions={(c) => <CaseActions c={c} onDone={cases.reload} />}
        />
        <LoadMore paged={cases} />
      </Card>
    </>
  );
}

export const TriagePage = () => (
  <QueuePage queue="triage" title="menu.triage" hint="triage.hint" testId="triage-table" />
);
export const TasksPage = () => <QueuePage queue="tasks" title="menu.tasks" hint="tasks.hint" testId="tasks-table" />;
export const VerifyPage = () => (
  <QueuePage queue="verify" title="menu.verify" hint="verify.hint" testId="verify-table" />
);
