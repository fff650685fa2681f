/** 积分设置: the settings in force at a place (nearest ancestor wins); town officers (and the system administrator) change them. */
import { Alert, App, Button, Card, Form, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import type { PointsSettings } from '../../../shared/points';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { type MessageKey, useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { useBusyAction } from './useBusyAction';
import { usePlaceNames } from '../../../shared/usePlaceNames';

type Values = Omit<PointsSettings, 'scopeCode'>;
const FIELDS: {
  name: keyof Values;
  label: MessageKey;
  min: number;
  max: number;
  step?: number;
  precision?: number;
  extra?: MessageKey;
}[] = [
  { name: 'exchangePoints', label: 'pts.exchangePoints', min: 1, max: 10_000 },
  { name: 'exchangeYuan', label: 'pts.exchangeYuan', min: 0.01, max: 100_000, step: 0.5, precision: 2 },
  { name: 'publicityDays', label: 'pts.publicityDays', min: 0, max: 60 },
  { name: 'reservationHours', label: 'pts.reservationHours', min: 1, max: 720 },
  { name: 'expiryMonths', label: 'pts.expiryMonths', min: 1, max: 120, extra: 'pts.expiryNone' },
  { name: 'deskMaxFailures', label: 'pts.deskMaxFailures', min: 1, max: 100 },
  { name: 'deskLockMinutes', label: 'pts.deskLockMinutes', min: 1, max: 1440 },
  { name: 'overrideFactor', label: 'pts.overrideFactor', min: 1, max: 100 },
  { name: 'overrideMonthlyCap', label: 'pts.overrideMonthlyCap', min: 1, max: 1_000_000 },
];

export function SettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const site = useSite();
  const [params, setParams] = useSearchParams();
  const roots = scopeRoots(me, site.county.code);
  const scope = params.get('scope') ?? roots[0];
  const [form] = Form.useForm<Values>();
  const [busy, run] = useBusyAction();
  const settings = useLoad(() => api.get<PointsSettings>(`/api/points/console/settings/${scope}`), [scope]);
  const name = usePlaceNames([scope]);
  const editable = settings.data?.actions?.includes('edit') ?? false;

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (v: Values) => {
    await run(async () => {
      await api.put<PointsSettings>(`/api/points/console/settings/${scope}`, {
        ...v,
        expiryMonths: v.expiryMonths ?? null,
      });
      message.success(t('pts.settingsSaved'));
      settings.reload();
    });
  };

  return (
    <>
      <PageTitle title={t('menu.pointsSettings')} hint={t('pts.settingsHint')} />
      <Card size="small" style={{ maxWidth: 720 }}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('pts.scope')}</Typography.Text>
          <DivisionPicker rootCodes={roots} value={scope} onChange={(c) => setParams({ scope: c })} />
          <Typography.Text strong data-testid="pts-settings-scope">
            {name(scope)}
          </Typography.Text>
          {settings.data && (
            <Tag color={settings.data.scopeCode === scope ? 'blue' : 'default'}>
              {t(settings.data.scopeCode === scope ? 'pts.ownSettings' : 'pts.inherited')}
            </Tag>
          )}
        </Space>
        {!editable && <Alert type="info" showIcon title={t('pts.readOnly')} style={{ marginBottom: 12 }} />}
        <ErrorAlert error={settings.error} onRetry={settings.reload} />
        <Spin spinning={settings.loading}>
          <Form
            form={form}
            layout="horizontal"
            labelCol={{ span: 9 }}
            wrapperCol={{ span: 12 }}
            onFinish={save}
            disabled={!editable}
            data-testid="pts-settings-form"
          >
            {FIELDS.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={t(f.label)}
                extra={f.extra ? t(f.extra) : undefined}
                rules={f.name === 'expiryMonths' ? [] : [{ required: true }]}
              >
                <InputNumber
                  min={f.min}
                  max={f.max}
                  step={f.step ?? 1}
                  precision={f.precision ?? 0}
                  style={{ width: 180 }}
                  id={`pts-${f.name}`}
                />
              </Form.Item>
            ))}
            {editable && (
              <Form.Item wrapperCol={{ offset: 9 }}>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="pts-settings-save">
                  {t('action.save')}
                </Button>
              </Form.Item>
            )}
          </Form>
        </Spin>
      </Card>
    </>
  );
}
