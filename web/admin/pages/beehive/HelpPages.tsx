/** 新就业群体 (the workers' registry) and 五帮诉求 (requests routed to my department; county officers see all). */
import { App, Button, Input, Modal, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  HELP_BODY_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  WORK_KIND_LABELS,
} from '../../../../src/server/modules/beehive/beehive.labels';
import type { HelpRequest, Worker } from '../../../../src/server/modules/beehive/beehive.schema';
import { api, errorMessage } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export function WorkersPage() {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const paged = usePaged((cursor) => api.get<Page<Worker>>('/api/beehive/console/workers', { cursor }), []);
  return (
    <>
      <PageTitle title={t('menu.bhWorkers')} hint={t('bh.workersHint')} />
      <Table<Worker>
        rowKey="id"
        size="small"
        pagination={false}
        loading={paged.loading}
        dataSource={paged.items}
        columns={[
          { title: t('bh.name'), dataIndex: 'name' },
          { title: t('bh.phone'), dataIndex: 'phoneMasked' },
          {
            title: t('bh.workKind'),
            dataIndex: 'workKind',
            render: (k: Worker['workKind']) => pl(WORK_KIND_LABELS[k]),
          },
          { title: t('bh.platform'), dataIndex: 'platform' },
          { title: t('bh.station'), dataIndex: 'stationName' },
          {
            title: t('bh.partyMember'),
            dataIndex: 'partyMember',
            render: (v: boolean) => (v ? t('bh.yes') : t('bh.no')),
          },
          { title: t('bh.woodpecker'), dataIndex: 'woodpeckerScope', render: (v: string | null) => v ?? '—' },
          { title: t('bh.consentAt'), dataIndex: 'consentAt', render: (v: string) => v.slice(0, 10) },
        ]}
      />
      <LoadMore paged={paged} />
    </>
  );
}

export function RequestsPage() {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const { message } = App.useApp();
  const [state, setState] = useState<(typeof REQUEST_STATES)[number]>('submitted');
  const [answering, setAnswering] = useState<HelpRequest | null>(null);
  const [answer, setAnswer] = useState('');
  const paged = usePaged(
    (cursor) => api.get<Page<HelpRequest>>('/api/beehive/console/requests', { cursor, state }),
    [state],
  );
  const send = async () => {
    try {
      await api.post(`/api/beehive/console/requests/${answering!.id}/answer`, { answer });
      message.success(t('bh.saved'));
      setAnswering(null);
      setAnswer('');
      paged.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle title={t('menu.bhRequests')} hint={t('bh.requestsHint')} />
      <Segmented
        value={state}
        onChange={(v) => setState(v as typeof state)}
        options={REQUEST_STATES.map((s) => ({ value: s, label: pl(REQUEST_STATE_LABELS[s]) }))}
        style={{ marginBottom: 12 }}
      />
      <Table<HelpRequest>
        rowKey="id"
        size="small"
        pagination={false}
        loading={paged.loading}
        dataSource={paged.items}
        data-testid="bh-requests"
        columns={[
          { title: t('bh.request'), dataIndex: 'kind', render: (k: HelpRequest['kind']) => pl(REQUEST_KIND_LABELS[k]) },
          { title: t('bh.worker'), dataIndex: 'workerName' },
          { title: t('bh.request'), dataIndex: 'description' },
          { title: t('bh.body'), dataIndex: 'bodyKey', render: (b: HelpRequest['bodyKey']) => pl(HELP_BODY_LABELS[b]) },
          {
            title: t('bh.dueAt'),
            dataIndex: 'dueAt',
            render: (d: string, r) => (
              <>
                {d.slice(0, 10)} {r.overdue && <Tag color="red">{t('bh.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: t('bh.followUp'),
            dataIndex: 'followUp',
            render: (v: string | null, r) => [v, r.rating ? `★${r.rating}` : null].filter(Boolean).join(' ') || '—',
          },
          {
            title: t('bh.answer'),
            dataIndex: 'answer',
            render: (v: string | null, r) =>
              v ??
              (r.state === 'submitted' ? (
                <Button size="small" data-testid="bh-answer" onClick={() => setAnswering(r)}>
                  {t('bh.answer')}
                </Button>
              ) : (
                '—'
              )),
          },
        ]}
      />
      <LoadMore paged={paged} />
      <Modal
        open={!!answering}
        title={t('bh.answerTitle')}
        onOk={send}
        okButtonProps={{ disabled: !answer.trim() }}
        onCancel={() => setAnswering(null)}
      >
        <p>{answering?.description}</p>
        {answering?.followUp && (
          <p>
            {t('bh.followUp')}: {answering.followUp}
          </p>
        )}
        <Input.TextArea
          rows={4}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          data-testid="bh-answer-text"
        />
      </Modal>
    </>
  );
}
