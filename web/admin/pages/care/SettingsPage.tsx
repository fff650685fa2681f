/** 走访设置: the county's visit schedule, categories of difficulty and the nine questions (county officers). */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import type { Settings } from './shared';

function LabelRows({ name, fixed }: { name: 'categories' | 'questions'; fixed?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}>
                <Input placeholder="key" style={{ width: 180 }} disabled={fixed} />
              </Form.Item>
              <Form.Item name={[f.name, 'zh']} rules={[{ required: true, whitespace: true }]}>
                <Input placeholder="中文" style={{ width: 240 }} maxLength={60} />
              </Form.Item>
              <Form.Item name={[f.name, 'en']} rules={[{ required: true, whitespace: true }]}>
                <Input placeholder="English" style={{ width: 300 }} maxLength={120} />
              </Form.Item>
              {!fixed && <MinusCircleOutlined onClick={() => remove(f.name)} />}
            </Space>
          ))}
          {!fixed && (
            <Button icon={<PlusOutlined />} onClick={() => add({ key: '', zh: '', en: '' })}>
              {t('care.addCategory')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

export function SettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const county = me.grants.find((g) => g.role === 'county_officer')?.scopeCode.slice(0, 6);
  const settings = useLoad(() => api.get<Settings>('/api/care/settings', { county }), [county]);
  const [form] = Form.useForm<Settings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put(`/api/care/settings/${county}`, v);
      message.success(t('care.settingsSaved'));
      settings.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const whole = (min: number, max: number) => <InputNumber min={min} max={max} precision={0} />;
  return (
    <>
      <PageTitle
        title={t('menu.careSettings')}
        hint={t('care.settingsHint')}
        extra={
          <Button type="primary" onClick={() => void save()}>
            {t('care.save')}
          </Button>
        }
      />
      <ErrorAlert error={settings.error} onRetry={settings.reload} />
      <Form form={form} layout="vertical">
        <Card size="small" title={t('care.schedule')} style={{ marginBottom: 16 }}>
          <Space wrap>
            <Form.Item name={['schedule', 'high', 'firstHours']} label={t('care.highFirstHours')}>
              {whole(1, 168)}
            </Form.Item>
            <Form.Item name={['schedule', 'high', 'everyDays']} label={t('care.highEveryDays')}>
              {whole(1, 31)}
            </Form.Item>
            <Form.Item name={['schedule', 'key', 'everyMonths']} label={t('care.keyEveryMonths')}>
              {whole(1, 12)}
            </Form.Item>
            <Form.Item name={['schedule', 'general', 'everyMonths']} label={t('care.generalEveryMonths')}>
              {whole(1, 12)}
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('care.categories')} style={{ marginBottom: 16 }}>
          <LabelRows name="categories" />
        </Card>
        <Card size="small" title={t('care.questions')}>
          <LabelRows name="questions" fixed />
        </Card>
      </Form>
    </>
  );
}
