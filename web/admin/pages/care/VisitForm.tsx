/** The 九必问 visit form: the county's nine questions, a summary, and needs found (each listed as a problem, with a task). */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import type { Settings, VisitResult } from './shared';

interface Values {
  answers: { answer: string; concern?: boolean }[];
  summary?: string;
  needs?: { title: string; description: string; taskTitle?: string; deadline?: Dayjs }[];
}

export function VisitForm({
  personId,
  settings,
  onDone,
}: {
  personId: string;
  settings: Settings;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      answers: settings.questions.map((q, i) => ({
        key: q.key,
        answer: v.answers[i].answer.trim(),
        concern: !!v.answers[i].concern,
      })),
      summary: v.summary?.trim() || undefined,
      needs: (v.needs ?? []).map((n) => ({
        title: n.title.trim(),
        description: n.description.trim(),
        tasks: n.taskTitle?.trim()
          ? [
              {
                title: n.taskTitle.trim(),
                ownerId: me.user.id,
                deadline: (n.deadline ?? dayjs().add(7, 'day')).format('YYYY-MM-DD'),
              },
            ]
          : undefined,
      })),
    };
    const r = await api.post<VisitResult>(`/api/care/persons/${personId}/visits`, body);
    message.success(
      `${t('care.saved', { due: formatDateTime(r.nextDueAt) })}${r.problemIds.length ? ` · ${t('care.problemsCreated', { n: r.problemIds.length })}` : ''}`,
    );
    form.resetFields();
    onDone();
  };

  return (
    <Card size="small" title={t('care.visit')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" data-testid="care-visit-form">
        {settings.questions.map((q, i) => (
          <Space key={q.key} align="baseline" style={{ display: 'flex' }}>
            <Form.Item
              name={['answers', i, 'answer']}
              label={`${i + 1}. ${lang === 'en' ? q.en : q.zh}`}
              rules={[{ required: true, whitespace: true }]}
              style={{ width: 420 }}
            >
              <Input maxLength={500} data-testid={`care-answer-${q.key}`} />
            </Form.Item>
            <Form.Item name={['answers', i, 'concern']} valuePropName="checked">
              <Checkbox>{t('care.concern')}</Checkbox>
            </Form.Item>
          </Space>
        ))}
        <Form.Item name="summary" label={t('care.summary')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="needs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}
                >
                  <Form.Item
                    name={[f.name, 'title']}
                    label={t('care.needTitle')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={100} data-testid="care-need-title" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'description']}
                    label={t('care.needDescription')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} data-testid="care-need-description" />
                  </Form.Item>
                  <Space>
                    <Form.Item name={[f.name, 'taskTitle']} label={t('care.taskTitle')}>
                      <Input maxLength={100} data-testid="care-need-task" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']} label={t('care.taskDeadline')}>
                      <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add()}
                style={{ marginBottom: 12 }}
                data-testid="care-add-need"
              >
                {t('care.addNeed')}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button
            type="primary"
            onClick={() => void submit().catch((e: unknown) => message.error(String((e as Error).message)))}
            data-testid="care-visit-submit"
          >
            {t('care.visit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
