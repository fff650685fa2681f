/**
 * 红色蜂巢: the nearest stations open now (with map-app navigation; each name opens the station's public page, and
 * the public station map is a link away), check-in by the station's code, worker registration.
 */
import { Button, Card, Checkbox, Form, Input, Selector, Switch, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { SERVICE_LABELS, WORK_KIND_LABELS, WORK_KINDS } from '../../../../src/server/modules/beehive/beehive.labels';
import type { NearStation, Worker } from '../../../../src/server/modules/beehive/beehive.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { usePlaceName } from '../../../shared/usePlaceName';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

/** The county seat (WGS-84): the starting position until the phone gives one. */
const START = { lng: '112.419609', lat: '29.723349' };

export function StationsPage() {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const [pos, setPos] = useState(START);
  const [found, setFound] = useState<NearStation[] | null>(null);
  // the station's QR encodes /m/stations?code=…: scanning it opens this page with the code filled in
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const me = useLoad(() => api.get<{ worker: Worker | null }>('/api/beehive/me'), []);
  // where the rider stands, by name (镇 · 村 · 网格 · 楼栋): the numbers are an advanced fallback
  const placeName = usePlaceName([Number(pos.lng), Number(pos.lat)]);

  const find = async () => {
    try {
      const r = await api.get<{ items: NearStation[] }>('/api/beehive/stations/nearest', {
        lng: pos.lng,
        lat: pos.lat,
        coordSystem: 'wgs84',
        limit: 3,
      });
      setFound(r.items);
    } catch (e) {
      showError(e);
    }
  };
  const gps = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      setPos({ lng: p.coords.longitude.toFixed(6), lat: p.coords.latitude.toFixed(6) }),
    );
  const checkIn = async () => {
    try {
      const r = await api.post<{ stationName: string; countToday: number }>('/api/beehive/checkins', { code });
      Toast.show({ icon: 'success', content: t('st.checkedIn', { name: r.stationName, n: r.countToday }) });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="cc-m-page" data-testid="m-stations">
      <Card title={t('st.position')}>
        <div data-testid="st-place">{placeName || (placeName === '' ? t('st.outside') : '…')}</div>
        <details className="cc-m-advanced">
          <summary>{t('st.advanced')}</summary>
          <Input
            aria-label={t('st.lng')}
            placeholder={t('st.lng')}
            value={pos.lng}
            onChange={(lng) => setPos({ ...pos, lng })}
            data-testid="st-lng"
          />
          <Input
            aria-label={t('st.lat')}
            placeholder={t('st.lat')}
            value={pos.lat}
            onChange={(lat) => setPos({ ...pos, lat })}
            data-testid="st-lat"
          />
        </details>
        <Button size="small" onClick={gps}>
          {t('st.useGps')}
        </Button>{' '}
        <Button size="small" color="primary" onClick={find} data-testid="st-find">
          {t('st.find')}
        </Button>
      </Card>
      {found && (
        <div data-testid="st-found">
          {found.length === 0 && <Card>{t('st.none')}</Card>}
          {found.map((s) => (
            <Card
              key={s.id}
              title={<Link to={`/stations/public/${s.id}`}>{s.name}</Link>}
              extra={t('st.metres', { m: s.metres })}
              data-station={s.name}
            >
              <div>{s.address}</div>
              <div>{t('st.today', { hours: s.hoursToday.join(', ') })}</div>
              <div>
                {s.services.map((x) => (
                  <Tag key={x} color="success" style={{ marginRight: 4 }}>
                    {pl(SERVICE_LABELS[x as keyof typeof SERVICE_LABELS] ?? { zh: x, en: x })}
                  </Tag>
                ))}
              </div>
              <a href={s.navigation.amap} target="_blank" rel="noreferrer">
                {t('st.navAmap')}
              </a>
              {' · '}
              <a href={s.navigation.baidu} target="_blank" rel="noreferrer">
                {t('st.navBaidu')}
              </a>
            </Card>
          ))}
        </div>
      )}
      <Card title={t('st.checkin')}>
        <Input placeholder={t('st.code')} value={code} onChange={setCode} data-testid="st-code" />
        <Button
          color="primary"
          size="small"
          disabled={code.trim().length < 4}
          onClick={checkIn}
          data-testid="st-checkin"
        >
          {t('st.checkin')}
        </Button>
      </Card>
      {me.data &&
        (me.data.worker ? (
          <Registered worker={me.data.worker} onChanged={me.reload} />
        ) : (
          <Register onDone={me.reload} />
        ))}
      <Card>
        <Link to="/stations/public" data-testid="st-map-link">
          {t('st.pub.map')}
        </Link>
      </Card>
      <Card>
        <Link to="/stations/help" data-testid="st-help-link">
          {t('st.helpLink')}
        </Link>
      </Card>
    </div>
  );
}

function Register({ onDone }: { onDone: () => void }) {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const submit = async (v: {
    name: string;
    workKind: string[];
    platform: string;
    partyMember: boolean;
    consent: boolean;
  }) => {
    try {
      await api.post('/api/beehive/me', {
        name: v.name,
        workKind: v.workKind?.[0] ?? 'rider',
        platform: v.platform,
        partyMember: !!v.partyMember,
        consent: !!v.consent,
      });
      onDone();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Form
      onFinish={submit}
      layout="vertical"
      mode="card"
      footer={
        <Button block type="submit" color="primary" data-testid="st-register">
          {t('st.submit')}
        </Button>
      }
    >
      <Form.Header>{t('st.register')}</Form.Header>
      <Form.Item name="name" label={t('st.name')} rules={[{ required: true }]}>
        <Input data-testid="st-name" />
      </Form.Item>
      <Form.Item name="workKind" label={t('st.workKind')} initialValue={['rider']}>
        <Selector options={WORK_KINDS.map((k) => ({ value: k, label: pl(WORK_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="platform" label={t('st.platform')} rules={[{ required: true }]}>
        <Input data-testid="st-platform" />
      </Form.Item>
      <Form.Item name="partyMember" label={t('st.partyMember')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked">
        <Checkbox data-testid="st-consent">{t('st.consent')}</Checkbox>
      </Form.Item>
    </Form>
  );
}

function Registered({ worker, onChanged }: { worker: Worker; onChanged: () => void }) {
  const { t } = useI18n();
  const [place, setPlace] = useState('');
  const join = async () => {
    try {
      await api.post('/api/beehive/me/woodpecker', { placeCode: place.trim() });
      onChanged();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card title={t('st.registered', { name: worker.name, platform: worker.platform })} data-testid="st-registered">
      {worker.woodpeckerScope ? (
        <Tag color="primary">{worker.woodpeckerScope}</Tag>
      ) : (
        <>
          <Input placeholder={t('st.woodpecker')} value={place} onChange={setPlace} />
          <Button size="small" disabled={!place.trim()} onClick={join}>
            {t('st.join')}
          </Button>
        </>
      )}
    </Card>
  );
}
