/** 代群众上报: staff record a problem for a resident (onBehalfOf), with category, text, place on the map and photos. */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import {
  type CaseRow,
  cleanExtra,
  type NearbyCase,
  suggestionText,
  URGENCIES,
  urgencyLabel,
} from '../../../shared/cases';
import { useCategories, usePreselectCategory, useSuggestion } from '../../../shared/categories';
import { DEFAULT_POINT, loadCountyOutline, type LngLat } from '../../../shared/geo';
import { GeoMap } from '../../../shared/GeoMap';
import { uploadPhotos } from '../../../shared/photos';
import { useLoad } from '../../../shared/useLoad';
import { newUuid } from '../../../shared/uuid';
import { CategorySelect } from '../../components/CategorySelect';
import { ExtraFieldItems } from '../../components/ExtraFieldItems';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSite } from '../../session';
import { PhotoPicker } from '../cases/PhotoPicker';

interface Values {
  name: string;
  phone?: string;
  categoryCode: string;
  title?: string;
  description: string;
  urgency: 'normal' | 'urgent' | 'critical';
  address?: string;
  extra?: Record<string, unknown>;
}

export function ReportPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const site = useSite();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newUuid);
  const [point, setPoint] = useState<LngLat | null>(null); // no default: the place is picked on the map or typed
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CaseRow | null>(null);
  const categories = useCategories();
  const outline = useLoad(() => loadCountyOutline(site.county.code), [site.county.code]);
  const description = Form.useWatch('description', form) ?? '';
  const suggestion = useSuggestion(description);
  const watchedCategory = Form.useWatch('categoryCode', form) as string | undefined;
  const setCategory = useCallback((code: string) => form.setFieldValue('categoryCode', code), [form]);
  const markChosen = usePreselectCategory(suggestion, watchedCategory, setCategory);
  const extraFields = categories.find((c) => c.code === watchedCategory)?.extraFields ?? [];

  /** Resolves true to go on creating, false when the user followed an existing case instead. */
  const checkNearby = async (categoryCode: string): Promise<boolean> => {
    if (!point) return true;
    const near = await api
      .get<NearbyCase[]>('/api/cases/nearby', { categoryCode, lng: point[0], lat: point[1] })
      .catch(() => [] as NearbyCase[]);
    if (!near.length) return true;
    const first = near[0];
    return new Promise((resolve) => {
      modal.confirm({
        title: t('report.nearby'),
        content: (
          <div>
            {t('report.nearbyHint', { n: 250, count: near.length })}
            <ul>
              {near.slice(0, 5).map((n) => (
                <li key={n.id}>
                  {n.number} · {n.title} · {Math.round(n.distanceMeters)} m
                </li>
              ))}
            </ul>
          </div>
        ),
        okText: t('report.follow'),
        cancelText: t('report.continue'),
        onOk: async () => {
          try {
            await api.post(`/api/cases/${first.id}/follow`);
            message.success(t('report.followed', { number: first.number }));
          } catch (e) {
            message.error(errorMessage(e));
          }
          resolve(false);
        },
        onCancel: () => resolve(true),
      });
    });
  };

  const submit = async (v: Values) => {
    if (!point) {
      message.error(t('report.pickPlace'));
      return;
    }
    setBusy(true);
    try {
      if (!(await checkNearby(v.categoryCode))) return;
      const body = {
        title: v.title?.trim() || undefined,
        description: v.description.trim(),
        categoryCode: v.categoryCode,
        lng: point[0],
        lat: point[1],
        locationSource: 'map',
        coordSystem: 'wgs84',
        address: v.address?.trim() || undefined,
        urgency: v.urgency,
        extra: cleanExtra(extraFields, v.extra ?? {}),
        onBehalfOf: { name: v.name.trim(), phone: v.phone?.trim() || undefined },
      };
      const c = await api.postWith<CaseRow>('/api/cases', body, { 'Idempotency-Key': key });
      if (photos.length) {
        const r = await uploadPhotos(c.id, 'report', photos);
        if (r.failed) message.warning(t('report.photosFailed', { n: r.failed, msg: r.message }));
      }
      setCreated(c);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const again = () => {
    form.resetFields();
    setPhotos([]);
    setCreated(null);
    setKey(newUuid());
    setPoint(null);
  };

  if (created) {
    return (
      <Result
        status="success"
        title={t('report.created', { number: created.number })}
        data-testid="report-created"
        extra={[
          <Link key="open" to={`/cases/${created.id}`}>
            <Button type="primary">{t('case.open')}</Button>
          </Link>,
          <Button key="again" onClick={again}>
            {t('menu.report')}
          </Button>,
        ]}
      />
    );
  }
  return (
    <>
      <PageTitle title={t('menu.report')} hint={t('report.hint')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ urgency: 'normal' }}
        data-testid="report-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small">
              <Space.Compact block>
                <Form.Item
                  name="name"
                  label={t('report.resident')}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label={t('report.residentPhone')}
                  rules={[{ pattern: /^1[3-9]\d{9}$/, message: '11' }]}
                  style={{ flex: 1, marginInlineStart: 12 }}
                >
                  <Input maxLength={11} />
                </Form.Item>
              </Space.Compact>
              <Form.Item name="categoryCode" label={t('report.category')} rules={[{ required: true }]}>
                <CategorySelect
                  categories={categories}
                  placeholder={t('report.categorySearch')}
                  onSelect={markChosen}
                  data-testid="report-category"
                />
              </Form.Item>
              <ExtraFieldItems fields={extraFields} />
              <Form.Item name="title" label={t('report.title')}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('report.description')}
                rules={[{ required: true, min: 2, whitespace: true, message: t('report.descriptionRule') }]}
                extra={
                  suggestion && (
                    <div style={{ marginTop: 20 }}>
                      <Typography.Text type="secondary" data-testid="report-suggestion">
                        {suggestionText(suggestion, lang)}
                        {t('report.suggestNote')}
                      </Typography.Text>
                    </div>
                  )
                }
              >
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="urgency" label={t('case.urgency')}>
                <Select
                  options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u, lang) }))}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <Form.Item label={t('report.photos')}>
                <PhotoPicker files={photos} onChange={setPhotos} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('report.location')} styles={{ body: { padding: 8 } }}>
              <GeoMap
                outline={outline.data ?? null}
                points={point ? [{ id: 'here', at: point }] : []}
                onMapClick={setPoint}
                style={{ maxHeight: 380 }}
                testId="report-map"
              />
              <Space wrap style={{ marginTop: 8 }}>
                <span>{t('report.lng')}</span>
                <InputNumber
                  value={point?.[0]}
                  step={0.0001}
                  precision={6}
                  onChange={(v) => v !== null && setPoint([v, point?.[1] ?? DEFAULT_POINT[1]])}
                />
                <span>{t('report.lat')}</span>
                <InputNumber
                  value={point?.[1]}
                  step={0.0001}
                  precision={6}
                  onChange={(v) => v !== null && setPoint([point?.[0] ?? DEFAULT_POINT[0], v])}
                />
              </Space>
              <Form.Item name="address" label={t('report.address')} style={{ marginTop: 8, marginBottom: 0 }}>
                <Input maxLength={200} />
              </Form.Item>
            </Card>
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('map.noTiles')} />
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              loading={busy}
              style={{ marginTop: 12 }}
              block
              data-testid="report-submit"
            >
              {t('report.submit')}
            </Button>
          </Col>
        </Row>
      </Form>
    </>
  );
}
