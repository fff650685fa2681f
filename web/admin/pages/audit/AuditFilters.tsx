/** Filters of the audit trail: time range, actor, action, entity, outcome. */
import { Button, DatePicker, Form, Input, Select, Space, type GetProps } from 'antd';
import dayjs from 'dayjs';
import type { Query } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityLabel } from './auditLabels';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

interface Values {
  range?: RangeValue;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
}

const OUTCOMES = ['success', 'failure', 'denied'];

/** Filters a link may open the trail with (the home's counts: `?outcome=denied&from=…`). */
export function linkedFilters(search: URLSearchParams): Query {
  const outcome = search.get('outcome');
  const from = search.get('from');
  return {
    outcome: outcome && OUTCOMES.includes(outcome) ? outcome : undefined,
    from: from && dayjs(from).isValid() ? dayjs(from).toISOString() : undefined,
  };
}

export function AuditFilters({ onSearch, initial = {} }: { onSearch: (q: Query) => void; initial?: Query }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) => {
    const [from, to] = v.range ?? [];
    onSearch({
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
      actorId: v.actorId?.trim(),
      action: v.action,
      entityType: v.entityType?.trim(),
      entityId: v.entityId?.trim(),
      outcome: v.outcome,
    });
  };
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      className="cc-filters"
      data-testid="audit-filters"
      initialValues={{
        outcome: initial.outcome,
        range: initial.from ? [dayjs(String(initial.from)), null] : undefined,
      }}
    >
      <Form.Item name="range" label={t('audit.time')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, lang) }))}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          style={{ width: 110 }}
          options={OUTCOMES.map((o) => ({
            value: o,
            label: t(`audit.outcome.${o}` as 'audit.outcome.success'),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="actorId"
        label={t('audit.actorId')}
        rules={[{ pattern: /^[0-9a-f-]{36}$/i, message: t('audit.uuidRule') }]}
      >
        <Input allowClear style={{ width: 200 }} placeholder="UUID" />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 160 }}
          options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e, lang) }))}
        />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('audit.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('audit.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
