/** 红色蜂巢站点: stations of my places, open now or not, agreement state, low stock; new station; details with agreements, medicine and check-ins. */
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  AGREEMENT_STATE_LABELS,
  SERVICE_LABELS,
  STATION_KIND_LABELS,
  STATION_KINDS,
  STATION_SERVICES,
} from '../../../../src/server/modules/beehive/beehive.labels';
import type { Station, StationDetail } from '../../../../src/server/modules/beehive/beehive.schema';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { DivisionPicker } from '../../components/DivisionPicker';
import { PointPicker } from '../../components/PointPicker';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { scopeRoots } from '../../components/scope';
import { usePlaceName } from '../../../shared/usePlaceName';
import type { LngLat } from '../../../shared/geo';

const stateColor = { active: 'green', renewal_due: 'orange', expired: 'red', not_started: 'default' } as const;

export function StationsPage() {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const { me } = useSession();
  const manage = me.capabilities.includes('beehive.manage');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const drill = useDrillFilter(); // ?scope=: a cockpit figure's stations (the list has no period)
  const scope = drill.filter.scope;
  const paged = usePaged(
    (cursor) => api.get<Page<Station>>('/api/beehive/console/stations', { cursor, scope }),
    [scope],
  );
  const due = useLoad(() => api.get<{ items: unknown[] }>('/api/beehive/console/agreements/due'), []);
  return (
    <>
      <PageTitle
        title={t('menu.bhStations')}
        hint={t('bh.stationsHint')}
        extra={
          manage && (
            <Button type="primary" data-testid="bh-new-station" onClick={() => setCreating(true)}>
              {t('bh.newStation')}
            </Button>
          )
        }
      />
      {!!due.data?.items.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('bh.due', { n: due.data.items.length })}
        />
      )}
      <div style={{ marginBottom: 12 }}>
        <DrillFilterBar filter={{ scope }} onChange={(p) => drill.update({ scope: p.scope })} period={false} />
      </div>
      <Table<Station>
        rowKey="id"
        size="small"
        pagination={false}
        loading={paged.loading}
        dataSource={paged.items}
        data-testid="bh-stations"
        columns={[
          {
            title: t('bh.name'),
            dataIndex: 'name',
            render: (v: string, s) => (
              <Button type="link" size="small" onClick={() => setOpen(s.id)}>
                {v}
              </Button>
            ),
          },
          { title: t('bh.kind'), dataIndex: 'kind', render: (k: Station['kind']) => pl(STATION_KIND_LABELS[k]) },
          {
            title: t('bh.openNow'),
            dataIndex: 'openNow',
            render: (o: boolean) => (
              <Tag color={o ? 'green' : 'default'}>{o ? t('bh.openNow') : t('bh.closedNow')}</Tag>
            ),
          },
          {
            title: t('bh.services'),
            dataIndex: 'services',
            render: (s: string[]) =>
              s.map((x) => pl(SERVICE_LABELS[x as keyof typeof SERVICE_LABELS] ?? { zh: x, en: x })).join('、'),
          },
          {
            title: t('bh.agreement'),
            dataIndex: 'agreement',
            render: (a: Station['agreement']) =>
              a ? (
                <Tag color={stateColor[a.state]}>
                  {pl(AGREEMENT_STATE_LABELS[a.state])} · {a.validTo}
                </Tag>
              ) : (
                <Tag>{t('bh.noAgreement')}</Tag>
              ),
          },
          {
            title: t('bh.medicine'),
            dataIndex: 'lowStock',
            render: (n: number) => (n ? <Tag color="red">{t('bh.lowStock', { n })}</Tag> : '—'),
          },
          {
            title: t('bh.checkinCode'),
            dataIndex: 'checkinCode',
            render: (c: string) => (
              <Typography.Text code copyable={{ text: `${window.location.origin}/m/stations?code=${c}` }}>
                {c}
              </Typography.Text>
            ),
          },
        ]}
      />
      <LoadMore paged={paged} />
      {creating && (
        <StationModal
          onClose={(saved) => {
            setCreating(false);
            if (saved) paged.reload();
          }}
        />
      )}
      {open && (
        <StationDrawer
          id={open}
          manage={manage}
          onClose={() => {
            setOpen(null);
            paged.reload();
            due.reload();
          }}
        />
      )}
    </>
  );
}

function StationModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { me } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const scope = Form.useWatch('divisionCode', form) as string | undefined;
  const save = async () => {
    const v = await form.validateFields();
    const day = (v.hours as string | undefined)?.trim() ? [v.hours.trim()] : ['00:00-24:00'];
    try {
      await api.post('/api/beehive/console/stations', {
        kind: v.kind,
        name: v.name,
        divisionCode: v.divisionCode,
        address: v.address ?? '',
        lng: v.at[0],
        lat: v.at[1],
        coordSystem: 'wgs84',
        hours: Array.from({ length: 7 }, () => day),
        services: v.services ?? [],
        responsibleOrg: v.responsibleOrg ?? '',
      });
      message.success(t('bh.saved'));
      onClose(true);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal open title={t('bh.newStation')} onOk={save} okText={t('bh.save')} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'beehive' }}>
        <Form.Item name="kind" label={t('bh.kind')}>
          <Select options={STATION_KINDS.map((k) => ({ value: k, label: pl(STATION_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('bh.name')} rules={[{ required: true }]}>
          <Input data-testid="bh-station-name" />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('bh.division')} rules={[{ required: true }]}>
          <DivisionPicker rootCodes={roots} />
        </Form.Item>
        <Form.Item name="address" label={t('bh.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="at" label={t('bh.location')} rules={[{ required: true, message: t('point.required') }]}>
          <PointPicker scope={scope} testId="bh-station-point" />
        </Form.Item>
        <Form.Item name="hours" label={t('bh.hours')}>
          <Input placeholder="08:00-20:00" />
        </Form.Item>
        <Form.Item name="services" label={t('bh.services')}>
          <Select mode="multiple" options={STATION_SERVICES.map((s) => ({ value: s, label: pl(SERVICE_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="responsibleOrg" label={t('bh.responsible')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Where a station stands: its address and the place's name (镇 · 村 · 网格 · 楼栋), not its coordinates. */
function StationPlace({ address, at }: { address: string; at: LngLat }) {
  const name = usePlaceName(at);
  return (
    <Typography.Text data-testid="bh-station-place">
      {[name, address].filter(Boolean).join(' · ') || '…'}
    </Typography.Text>
  );
}

function StationDrawer({ id, manage, onClose }: { id: string; manage: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const { message } = App.useApp();
  const detail = useLoad(() => api.get<StationDetail>(`/api/beehive/console/stations/${id}`), [id]);
  const [agreement] = Form.useForm();
  const [medicine] = Form.useForm();
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('bh.saved'));
      detail.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const s = detail.data?.station;
  return (
    <Drawer open width={560} title={s?.name} onClose={onClose}>
      {s && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <StationPlace address={s.address} at={[s.lng, s.lat]} />
          <Typography.Text>{s.hours.map((d, i) => `${i + 1}: ${d.join(', ') || '—'}`).join('  ')}</Typography.Text>
          <Typography.Title level={5}>{t('bh.agreement')}</Typography.Title>
          {detail.data!.agreements.map((a) => (
            <div key={a.id}>
              <Tag color={stateColor[a.state]}>{pl(AGREEMENT_STATE_LABELS[a.state])}</Tag> {a.validFrom} – {a.validTo} ·{' '}
              {a.parties.join('、')}
            </div>
          ))}
          {manage && (
            <Form
              form={agreement}
              layout="inline"
              onFinish={(v) =>
                run(() =>
                  api.post(`/api/beehive/console/stations/${id}/agreements`, {
                    parties: String(v.parties)
                      .split('\n')
                      .map((p) => p.trim())
                      .filter(Boolean),
                    terms: v.terms,
                    validFrom: v.validFrom,
                    validTo: v.validTo,
                  }),
                )
              }
            >
              <Form.Item name="parties" rules={[{ required: true }]}>
                <Input.TextArea placeholder={t('bh.parties')} rows={2} />
              </Form.Item>
              <Form.Item name="terms" rules={[{ required: true }]}>
                <Input placeholder={t('bh.terms')} />
              </Form.Item>
              <Form.Item name="validFrom" rules={[{ required: true }]}>
                <Input placeholder={`${t('bh.validFrom')} YYYY-MM-DD`} />
              </Form.Item>
              <Form.Item name="validTo" rules={[{ required: true }]}>
                <Input placeholder={`${t('bh.validTo')} YYYY-MM-DD`} />
              </Form.Item>
              <Button htmlType="submit">{t('bh.addAgreement')}</Button>
            </Form>
          )}
          <Typography.Title level={5}>{t('bh.medicine')}</Typography.Title>
          {s.medicines.map((m) => (
            <div key={m.name}>
              {m.name}: {m.quantity}
              {m.unit}{' '}
              {m.low && (
                <Tag color="red">
                  {t('bh.lowAt')} {m.lowAt}
                </Tag>
              )}
            </div>
          ))}
          {manage && (
            <Form
              form={medicine}
              layout="inline"
              onFinish={(v) =>
                run(() =>
                  api.put(`/api/beehive/console/stations/${id}/medicines`, {
                    name: v.name,
                    quantity: v.quantity,
                    lowAt: v.lowAt,
                  }),
                )
              }
            >
              <Form.Item name="name" rules={[{ required: true }]}>
                <Input placeholder={t('bh.name')} />
              </Form.Item>
              <Form.Item name="quantity" rules={[{ required: true }]}>
                <InputNumber min={0} placeholder={t('bh.quantity')} />
              </Form.Item>
              <Form.Item name="lowAt" rules={[{ required: true }]}>
                <InputNumber min={0} placeholder={t('bh.lowAt')} />
              </Form.Item>
              <Button htmlType="submit">{t('bh.setMedicine')}</Button>
            </Form>
          )}
          <Typography.Title level={5}>{t('bh.checkins')}</Typography.Title>
          <div>{detail.data!.checkins.map((c) => `${c.day}: ${c.count}`).join('；') || '—'}</div>
        </Space>
      )}
    </Drawer>
  );
}
