/** Edit a category (PATCH /api/categories/:code) or add a local one (POST /api/categories): tier, department, time limits, synonyms, extra fields. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import {
  type CategoryFull,
  type ExtraField,
  type LimitUnit,
  type TimeLimits,
  tierLabel,
  type Tier,
} from '../../../shared/cases';
import { forgetCategories } from '../../../shared/categories';
import { type MessageKey, useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';

const TIERS: Tier[] = ['grid', 'village', 'department'];
const UNITS: LimitUnit[] = ['working_hours', 'working_days', 'calendar_days'];
const FIELD_TYPES: ExtraField['type'][] = ['string', 'number', 'boolean', 'enum'];
/** The rows of the time-limits grid: their form path under `timeLimits` and label. */
const LIMIT_ROWS: { path: string[]; label: MessageKey }[] = [
  { path: ['response'], label: 'cat.limit.response' },
  { path: ['dispatch'], label: 'cat.limit.dispatch' },
  { path: ['handle', 'normal'], label: 'cat.limit.handle.normal' },
  { path: ['handle', 'urgent'], label: 'cat.limit.handle.urgent' },
  { path: ['handle', 'critical'], label: 'cat.limit.handle.critical' },
  { path: ['verify'], label: 'cat.limit.verify' },
];
const DEFAULT_LIMITS: TimeLimits = {
  response: { amount: 2, unit: 'working_hours' },
  dispatch: { amount: 4, unit: 'working_hours' },
  handle: {
    normal: { amount: 5, unit: 'working_days' },
    urgent: { amount: 1, unit: 'working_days' },
    critical: { amount: 4, unit: 'working_hours' },
  },
  verify: { amount: 1, unit: 'working_days' },
};

interface Values {
  name: string;
  nameEn?: string | null;
  synonyms: string[];
  defaultTier: Tier;
  departmentKey?: string | null;
  timeLimits: TimeLimits;
  extraFields: ExtraField[];
  isPublic: boolean;
  active: boolean;
}

export function CategoryDrawer({
  category,
  onClose,
  onDone,
}: {
  category: CategoryFull | 'new' | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { departments } = useSession();
  const site = useSite();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const isNew = category === 'new';
  const prefix = `${site.county.code}-`;
  const departmentOptions = useMemo(
    () =>
      departments
        .filter((d) => d.code.startsWith(prefix))
        .map((d) => ({ value: d.code.slice(prefix.length), label: lang === 'en' && d.nameEn ? d.nameEn : d.name })),
    [departments, prefix, lang],
  );

  useEffect(() => {
    if (!category) return;
    form.resetFields();
    if (category === 'new') {
      form.setFieldsValue({
        synonyms: [],
        defaultTier: 'village',
        departmentKey: null,
        timeLimits: DEFAULT_LIMITS,
        extraFields: [],
        isPublic: true,
        active: true,
      });
    } else {
      form.setFieldsValue({
        name: category.name,
        nameEn: category.nameEn,
        synonyms: category.synonyms,
        defaultTier: category.defaultTier,
        departmentKey: category.departmentKey,
        timeLimits: category.timeLimits ?? DEFAULT_LIMITS,
        extraFields: (category.extraFields ?? []).map((f) => ({ ...f, options: f.options ?? [] })),
        isPublic: category.isPublic,
        active: category.active,
      });
    }
  }, [category, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name.trim(),
      nameEn: v.nameEn?.trim() || null,
      synonyms: (v.synonyms ?? []).map((s) => s.trim()).filter(Boolean),
      defaultTier: v.defaultTier,
      departmentKey: v.departmentKey || null,
      timeLimits: v.timeLimits,
      extraFields: (v.extraFields ?? []).map((f) => ({
        key: f.key.trim(),
        label: { zh: f.label.zh.trim(), en: f.label.en.trim() },
        type: f.type,
        required: !!f.required,
        ...(f.type === 'enum' ? { options: f.options ?? [] } : {}),
      })),
      isPublic: v.isPublic,
    };
    setBusy(true);
    try {
      if (isNew) {
        const created = await api.post<CategoryFull>('/api/categories', body);
        message.success(t('cat.created', { code: created.code }));
      } else if (category) {
        await api.patch<CategoryFull>(`/api/categories/${category.code}`, { ...body, active: v.active });
        message.success(t('cat.saved'));
      }
      forgetCategories();
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const title = isNew ? t('cat.new') : category ? `${t('cat.edit')} · ${category.code} ${category.name}` : '';
  return (
    <Drawer
      open={!!category}
      title={title}
      size={760}
      onClose={onClose}
      forceRender
      data-testid="cat-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="cat-save">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="cat-form">
        <Space wrap align="start">
          <Form.Item
            name="name"
            label={t('cat.name')}
            rules={[{ required: true, whitespace: true, max: 40, message: t('cat.required') }]}
          >
            <Input style={{ width: 240 }} maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('cat.nameEn')}>
            <Input style={{ width: 300 }} maxLength={80} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="defaultTier" label={t('cat.tier')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={TIERS.map((x) => ({ value: x, label: tierLabel(x, lang) }))}
              data-testid="cat-tier"
            />
          </Form.Item>
          <Form.Item name="departmentKey" label={t('cat.department')}>
            <Select
              style={{ width: 300 }}
              allowClear
              placeholder={t('cat.noDepartment')}
              showSearch={{ optionFilterProp: 'label' }}
              options={departmentOptions}
              data-testid="cat-department"
            />
          </Form.Item>
        </Space>
        <Form.Item name="synonyms" label={t('cat.synonyms')} extra={t('cat.synonymsHint')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            maxCount={20}
            data-testid="cat-synonyms"
          />
        </Form.Item>
        <Space size="large">
          <Form.Item name="isPublic" label={t('cat.public')} valuePropName="checked">
            <Switch data-testid="cat-public" />
          </Form.Item>
          {!isNew && (
            <Form.Item name="active" label={t('cat.active')} valuePropName="checked" tooltip={t('cat.activeHint')}>
              <Switch data-testid="cat-active" />
            </Form.Item>
          )}
        </Space>

        <Divider titlePlacement="start">{t('cat.timeLimits')}</Divider>
        <Alert type="info" showIcon title={t('cat.timeHint')} style={{ marginBottom: 12 }} />
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r.path.join('.')}
          dataSource={LIMIT_ROWS}
          data-testid="cat-limits"
          columns={[
            { title: t('cat.stage'), key: 'stage', render: (_, r) => t(r.label) },
            {
              title: t('cat.amount'),
              key: 'amount',
              render: (_, r) => (
                <Form.Item
                  name={['timeLimits', ...r.path, 'amount']}
                  rules={[{ required: true, message: t('cat.required') }]}
                  style={{ margin: 0 }}
                >
                  <InputNumber min={0.5} max={365} step={1} style={{ width: 110 }} />
                </Form.Item>
              ),
            },
            {
              title: t('cat.unit'),
              key: 'unit',
              render: (_, r) => (
                <Form.Item name={['timeLimits', ...r.path, 'unit']} rules={[{ required: true }]} style={{ margin: 0 }}>
                  <Select
                    style={{ width: 140 }}
                    options={UNITS.map((u) => ({ value: u, label: t(`cat.unit.${u}` as MessageKey) }))}
                  />
                </Form.Item>
              ),
            },
          ]}
        />

        <Divider titlePlacement="start">{t('cat.extraFields')}</Divider>
        <Typography.Paragraph type="secondary">{t('cat.extraHint')}</Typography.Paragraph>
        <Form.List name="extraFields">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space
                  key={key}
                  wrap
                  align="start"
                  style={{ display: 'flex', marginBottom: 4 }}
                  data-testid="cat-field-row"
                >
                  <Form.Item
                    name={[name, 'key']}
                    rules={[{ required: true, pattern: /^[a-z][a-zA-Z0-9_]{0,30}$/, message: t('cat.field.keyRule') }]}
                  >
                    <Input placeholder={t('cat.field.key')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'label', 'zh']}
                    rules={[{ required: true, whitespace: true, message: t('cat.required') }]}
                  >
                    <Input placeholder={t('cat.field.zh')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'label', 'en']}
                    rules={[{ required: true, whitespace: true, message: t('cat.required') }]}
                  >
                    <Input placeholder={t('cat.field.en')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'type']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 100 }}
                      options={FIELD_TYPES.map((x) => ({ value: x, label: t(`cat.type.${x}` as MessageKey) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked">
                    <Checkbox>{t('cat.field.required')}</Checkbox>
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(a: Values, b: Values) => a.extraFields?.[name]?.type !== b.extraFields?.[name]?.type}
                  >
                    {() =>
                      form.getFieldValue(['extraFields', name, 'type']) === 'enum' && (
                        <Form.Item
                          name={[name, 'options']}
                          rules={[{ required: true, type: 'array', min: 1, message: t('cat.field.optionsRule') }]}
                        >
                          <Select
                            mode="tags"
                            open={false}
                            placeholder={t('cat.field.options')}
                            style={{ width: 200 }}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                    aria-label="remove"
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ key: '', label: { zh: '', en: '' }, type: 'string', required: false, options: [] })
                }
                disabled={fields.length >= 20}
              >
                {t('cat.field.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
