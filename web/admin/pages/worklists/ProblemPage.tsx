/** One problem: its tasks (add, finish), its effect (record), the resident's confirmation. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { RESULT_KINDS } from '../../../../src/server/modules/worklists/worklists.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import {
  CONFIRMATION_LABELS,
  type ProblemDetail,
  RESULT_KIND_LABELS,
  SOURCE_LABELS,
  StateTag,
  useLabel,
} from './shared';

type Task = ProblemDetail['tasks'][number];

export function ProblemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const say = useLabel();
  const { me } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const detail = useLoad(() => api.get<ProblemDetail>(`/api/worklists/problems/${id}`), [id]);
  const [dialog, setDialog] = useState<'task' | 'effect' | Task | null>(null);
  const [form] = Form.useForm();
  const d = detail.data;

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('wl.saved'));
      setDialog(null);
      form.resetFields();
      detail.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog === 'task')
      await run(() =>
        api.post(`/api/worklists/problems/${id}/tasks`, {
          title: v.title.trim(),
          ownerId: v.ownerId?.trim() || me.user.id,
          deadline: (v.deadline as Dayjs).format('YYYY-MM-DD'),
        }),
      );
    else if (dialog === 'effect')
      await run(() =>
        api.post(`/api/worklists/problems/${id}/effect`, { summary: v.summary.trim(), resultKind: v.resultKind }),
      );
    else if (dialog) await run(() => api.post(`/api/worklists/tasks/${dialog.id}/done`, { outcome: v.outcome.trim() }));
  };

  return (
    <>
      <PageTitle
        title={d?.problem.title ?? t('wl.problem')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('wl.back')}
            </Button>
            {d?.actions.includes('add_task') && (
              <Button onClick={() => setDialog('task')} data-testid="wl-add-task">
                {t('wl.addTask')}
              </Button>
            )}
            {d?.actions.includes('record_effect') && (
              <Button type="primary" onClick={() => setDialog('effect')}>
                {t('wl.recordEffect')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {d && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('wl.village')}>{d.problem.villageName}</Descriptions.Item>
              <Descriptions.Item label={t('wl.source')}>
                {say(SOURCE_LABELS[d.problem.source])}
                {d.problem.sourceRef && ` · ${d.problem.sourceRef}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('wl.subject')}>{d.problem.subject ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('wl.state')}>
                <StateTag state={d.problem.state} />
              </Descriptions.Item>
              <Descriptions.Item label={t('wl.description')} span={2}>
                {d.problem.description}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('wl.tasks')} style={{ marginBottom: 16 }}>
            <Table<Task>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.tasks}
              data-testid="wl-tasks"
              columns={[
                { title: t('wl.taskTitle'), dataIndex: 'title' },
                { title: t('wl.owner'), dataIndex: 'ownerName', width: 180 },
                {
                  title: t('wl.deadline'),
                  dataIndex: 'deadline',
                  width: 120,
                  render: (v: string, r) => (
                    <>
                      {v} {r.late && <Tag color="red">{t('wl.late')}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('wl.outcome'),
                  dataIndex: 'outcome',
                  render: (v: string | null, r) => (v ? `${v}（${formatDateTime(r.doneAt)}）` : ''),
                },
                {
                  key: 'done',
                  width: 80,
                  render: (_: unknown, r) =>
                    !r.doneAt &&
                    d.problem.state === 'open' && (
                      <Button size="small" onClick={() => setDialog(r)}>
                        {t('wl.done')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
          {d.effect && (
            <Card size="small" title={t('wl.effect')}>
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t('wl.resultKind')}>
                  {say(RESULT_KIND_LABELS[d.effect.resultKind])}
                </Descriptions.Item>
                <Descriptions.Item label={t('wl.confirmation')}>
                  {say(CONFIRMATION_LABELS[d.effect.confirmation])}
                  {d.effect.comment ? `：${d.effect.comment}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('wl.summary')} span={2}>
                  {d.effect.summary}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </>
      )}
      <Modal
        open={dialog !== null}
        title={dialog === 'task' ? t('wl.addTask') : dialog === 'effect' ? t('wl.recordEffect') : t('wl.done')}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'task' && (
            <>
              <Form.Item name="title" label={t('wl.taskTitle')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="ownerId" label={t('wl.ownerId')}>
                <Input />
              </Form.Item>
              <Form.Item
                name="deadline"
                label={t('wl.deadline')}
                rules={[{ required: true }]}
                initialValue={dayjs().add(7, 'day')}
              >
                <DatePicker disabledDate={(x) => x.isBefore(dayjs(), 'day')} />
              </Form.Item>
            </>
          )}
          {dialog === 'effect' && (
            <>
              <Form.Item name="resultKind" label={t('wl.resultKind')} rules={[{ required: true }]}>
                <Select options={RESULT_KINDS.map((k) => ({ value: k, label: say(RESULT_KIND_LABELS[k]) }))} />
              </Form.Item>
              <Form.Item name="summary" label={t('wl.summary')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {dialog !== null && typeof dialog === 'object' && (
            <Form.Item name="outcome" label={t('wl.outcome')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
