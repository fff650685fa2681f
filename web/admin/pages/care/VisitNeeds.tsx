/**
 * Under a visit on the visit record page: what its needs became (cases by number, three-lists
 * problems), and turning a need into either — a case filed on the resident's behalf, or a problem
 * (with a task) the resident confirms when it is solved.
 */
import { Button, DatePicker, Form, Input, Modal, Select, Space, Tag, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { type Category, categoryName } from '../../../shared/cases';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

interface Outcome {
  kind: 'case' | 'problem';
  id: string;
  label: string;
}
interface Draft {
  categoryCode?: string;
  title: string;
  description: string;
  taskTitle?: string;
  deadline?: Dayjs;
}

export function VisitNeeds({ visitId, workerId }: { visitId: string; workerId: string }) {
  const { t, lang } = useI18n();
  const outcomes = useLoad(() => api.get<Outcome[]>(`/api/care/visits/${visitId}/outcomes`), [visitId]);
  const [as, setAs] = useState<'case' | 'problem' | null>(null);
  const categories = useLoad(
    () => (as === 'case' ? api.get<Category[]>('/api/categories') : Promise.resolve([] as Category[])),
    [as],
  );
  const [form] = Form.useForm<Draft>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (as === 'case')
        await api.post(`/api/care/visits/${visitId}/case`, {
          categoryCode: v.categoryCode,
          title: v.title,
          description: v.description,
        });
      else
        await api.post(`/api/care/visits/${visitId}/problem`, {
          title: v.title,
          description: v.description,
          tasks:
            v.taskTitle && v.deadline
              ? [{ title: v.taskTitle, ownerId: workerId, deadline: v.deadline.format('YYYY-MM-DD') }]
              : undefined,
        });
      setAs(null);
      form.resetFields();
      outcomes.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <div style={{ marginTop: 6 }}>
      <Space wrap size="small">
        {(outcomes.data ?? []).map((o) =>
          o.kind === 'case' ? (
            <Link key={o.id} to={`/cases/${o.id}`}>
              <Tag color="orange">
                {t('care.needCase')} {o.label}
              </Tag>
            </Link>
          ) : (
            <Link key={o.id} to={`/worklists/${o.id}`}>
              <Tag color="blue">
                {t('care.needProblem')} {o.label}
              </Tag>
            </Link>
          ),
        )}
        <Button size="small" onClick={() => setAs('case')} data-testid="care-need-case">
          {t('care.toCase')}
        </Button>
        <Button size="small" onClick={() => setAs('problem')} data-testid="care-need-problem">
          {t('care.toProblem')}
        </Button>
      </Space>
      <Modal
        open={as !== null}
        title={t(as === 'case' ? 'care.toCase' : 'care.toProblem')}
        onCancel={() => setAs(null)}
        onOk={() => void submit()}
      >
        <Form form={form} layout="vertical">
          {as === 'case' && (
            <Form.Item name="categoryCode" label={t('care.needCategory')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(categories.data ?? [])
                  .filter((c) => c.kind !== 'major')
                  .map((c) => ({ value: c.code, label: categoryName(c, lang) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('care.vnTitle')} rules={[{ required: as === 'problem', whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('care.vnDescription')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {as === 'problem' && (
            <Space>
              <Form.Item name="taskTitle" label={t('care.needTask')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="deadline" label={t('care.needDeadline')}>
                <DatePicker />
              </Form.Item>
            </Space>
          )}
        </Form>
      </Modal>
    </div>
  );
}
