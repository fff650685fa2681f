/** The vote in the console: paper votes (entered, confirmed by a second person), vote-buying signs, the published ranking. */
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import type { Page } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import type { NomineeView, PaperVoteView, ResultsView, VoteSignsView } from './types';

export function PaperVotes({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => api.get<{ items: PaperVoteView[] }>(`/api/selections/${id}/paper-votes`), [id]);
  // the ballot's choices: the eligible nominees (one page of the largest size; a paper ballot lists far fewer)
  const eligible = useLoad(
    () => api.get<Page<NomineeView>>(`/api/selections/${id}/nominees`, { status: 'eligible', limit: 200 }),
    [id],
  );
  const [form] = Form.useForm<{ voterName: string; voterIdNumber: string; nomineeId: string }>();
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('sel.done'));
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title={t('sel.paperVotes')} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          run(async () => {
            await api.post(`/api/selections/${id}/paper-votes`, v);
            form.resetFields();
          })
        }
      >
        <Form.Item name="voterName" rules={[{ required: true }]}>
          <Input placeholder={t('sel.voterName')} />
        </Form.Item>
        <Form.Item name="voterIdNumber" rules={[{ required: true, pattern: /^[0-9]{17}[0-9Xx]$/ }]}>
          <Input placeholder={t('sel.voterId')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="nomineeId" rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={(eligible.data?.items ?? []).map((n) => ({ value: n.id, label: n.name }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t('sel.enterPaper')}</Button>
      </Form>
      <Table<PaperVoteView>
        rowKey="residentId"
        size="small"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('sel.voterName'), dataIndex: 'voterName' },
          { title: t('sel.nominees'), dataIndex: 'nomineeName' },
          { title: t('sel.enterPaper'), dataIndex: 'enteredByName' },
          { title: '', key: 'at', render: (_, v) => formatDateTime(v.castAt) },
          {
            title: t('sel.status'),
            key: 'c',
            render: (_, v) =>
              v.confirmed ? (
                <Tag color="green">{t('sel.confirmed')}</Tag>
              ) : v.actions.includes('confirm') ? (
                <Button
                  size="small"
                  onClick={() => run(() => api.post(`/api/selections/${id}/paper-votes/${v.residentId}/confirm`))}
                >
                  {t('sel.confirm')}
                </Button>
              ) : (
                <Tag>{t('sel.unconfirmed')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function VoteSigns({ id }: { id: string }) {
  const { t } = useI18n();
  const signs = useLoad(() => api.get<VoteSignsView>(`/api/selections/${id}/vote-signs`), [id]);
  const d = signs.data;
  return (
    <Card
      size="small"
      title={d ? t('sel.signs', { threshold: d.threshold, window: d.windowMinutes }) : ''}
      style={{ marginBottom: 16 }}
    >
      {d && !d.items.length ? (
        <Typography.Text type="secondary">{t('sel.noSigns')}</Typography.Text>
      ) : (
        <Table
          rowKey={(r) => `${r.by}:${r.value}`}
          size="small"
          pagination={false}
          dataSource={d?.items ?? []}
          columns={[
            { title: '', dataIndex: 'by', width: 80 },
            { title: '', dataIndex: 'value' },
            { title: t('sel.votes'), dataIndex: 'votes', width: 80 },
            { title: '', key: 'w', render: (_, r) => `${formatDateTime(r.from)} – ${formatDateTime(r.to)}` },
          ]}
        />
      )}
    </Card>
  );
}

export function Ranking({ id, revision }: { id: string; revision: number }) {
  const { t } = useI18n();
  const res = useLoad(() => api.get<ResultsView>(`/api/selections/${id}/results`), [id, revision]);
  const r = res.data;
  if (!r) return null;
  const names = new Map(r.ranking.map((x) => [x.nomineeId, x.name]));
  return (
    <Card size="small" title={t('sel.results', { rev: r.revision })} style={{ marginBottom: 16 }}>
      <Table
        rowKey="nomineeId"
        size="small"
        pagination={false}
        dataSource={r.ranking}
        data-testid="sel-ranking"
        columns={[
          { title: t('sel.position'), dataIndex: 'position', width: 60 },
          { title: t('sel.title'), dataIndex: 'name' },
          { title: t('sel.place'), dataIndex: 'placeName' },
          { title: t('sel.panelScore'), dataIndex: 'panelScoreDisplay' },
          { title: t('sel.votes'), dataIndex: 'votes' },
          { title: t('sel.combined'), dataIndex: 'combinedDisplay' },
          {
            title: t('sel.selected'),
            key: 's',
            render: (_, x) => (x.selected ? <Tag color="red">{t('sel.selected')}</Tag> : null),
          },
        ]}
      />
      <Space direction="vertical" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {t('sel.byVillage')}：
          {r.byVillage.map((v) => `${v.villageName} ${names.get(v.nomineeId) ?? ''} ${v.votes}`).join('；') ||
            t('sel.none')}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('sel.formula')}：{r.formula}
        </Typography.Text>
      </Space>
    </Card>
  );
}
