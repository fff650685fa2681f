/**
 * Where the problem is, from one of three sources the resident chooses: the phone's position
 * (使用当前位置), a tap on the county map (在地图上选) or their registered household (我家). Nothing is
 * assumed: until one is chosen the form has no location, and the chosen place is shown by name.
 */
import { Button, Space } from 'antd-mobile';
import { AimOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { AreaGeometry, LngLat } from '../../../shared/geo';
import { GeoMap } from '../../../shared/GeoMap';
import { useI18n } from '../../i18n';
import { showToast } from '../../toast';
import type { PlaceView, RegisteredPlace } from '../../../shared/cases';

export type ReportLocation =
  | { source: 'gps' | 'map'; point: LngLat }
  | { source: 'household'; householdCode: string; label: string };

interface Props {
  outline: AreaGeometry | null;
  value: ReportLocation | null;
  onChange: (l: ReportLocation) => void;
}

/** The names of the place at a point (town · village · grid), asked of the server. */
function usePlaceName(value: ReportLocation | null): string | null {
  const [name, setName] = useState<string | null>(null);
  const point = value && value.source !== 'household' ? value.point : null;
  useEffect(() => {
    setName(null);
    if (!point) return;
    let live = true;
    api
      .get<PlaceView>('/api/cases/place', { lng: point[0], lat: point[1] })
      .then((r) => {
        if (live) setName(r.inCounty ? r.names.join(' · ') : '');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [point?.[0], point?.[1]]);
  return name;
}

export function LocationField({ outline, value, onChange }: Props) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [mapOpen, setMapOpen] = useState(false);
  const [homes, setHomes] = useState<RegisteredPlace[] | null>(null);
  const placeName = usePlaceName(value);
  const gps = () => {
    setMapOpen(false);
    if (!('geolocation' in navigator)) {
      showToast({ content: t('report.gpsFailed', { msg: 'geolocation' }) });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        onChange({
          source: 'gps',
          point: [Number(p.coords.longitude.toFixed(6)), Number(p.coords.latitude.toFixed(6))],
        });
        showToast({ icon: 'success', content: t('report.gpsOk') });
      },
      (e) => {
        setLocating(false);
        showToast({ content: t('report.gpsFailed', { msg: e.message || String(e.code) }) });
      },
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  };
  const chooseHome = (h: RegisteredPlace) => {
    setHomes(null);
    onChange({ source: 'household', householdCode: h.householdCode, label: `${h.address}（${h.gridName}）` });
  };
  const home = async () => {
    setMapOpen(false);
    const list = (
      await api.get<RegisteredPlace[]>('/api/cases/registered-places').catch(() => [] as RegisteredPlace[])
    ).filter((h) => h.located);
    if (list.length === 0) {
      showToast({ content: t('report.noHome'), duration: 3000 });
      return;
    }
    if (list.length === 1) chooseHome(list[0]);
    else setHomes(list);
  };
  const chosen =
    value === null
      ? t('report.noLocation')
      : value.source === 'household'
        ? value.label
        : placeName === ''
          ? t('report.outsideCounty')
          : (placeName ?? t('report.coords', { lng: value.point[0].toFixed(5), lat: value.point[1].toFixed(5) }));
  return (
    <div className="cc-m-location" data-testid="m-location">
      <Space wrap>
        <Button
          size="small"
          color="primary"
          fill={value?.source === 'gps' ? 'solid' : 'outline'}
          loading={locating}
          onClick={gps}
          data-testid="m-gps"
        >
          <AimOutlined /> {t('report.useGps')}
        </Button>
        <Button
          size="small"
          color="primary"
          fill={value?.source === 'map' || mapOpen ? 'solid' : 'outline'}
          onClick={() => setMapOpen(true)}
          data-testid="m-pick-map"
        >
          <EnvironmentOutlined /> {t('report.pickOnMap')}
        </Button>
        <Button
          size="small"
          color="primary"
          fill={value?.source === 'household' ? 'solid' : 'outline'}
          onClick={home}
          data-testid="m-home"
        >
          <HomeOutlined /> {t('report.myHome')}
        </Button>
      </Space>
      {homes && (
        <Space wrap style={{ marginTop: 8 }}>
          {homes.map((h) => (
            <Button key={h.householdCode} size="mini" onClick={() => chooseHome(h)}>
              {h.address}
            </Button>
          ))}
        </Space>
      )}
      <div
        className={value ? 'cc-m-desc' : 'cc-m-hint'}
        data-testid="m-location-name"
        data-source={value?.source ?? ''}
        style={{ marginTop: 8 }}
      >
        {value && <b>{t(`report.source.${value.source}`)}：</b>}
        {chosen}
      </div>
      {(mapOpen || value?.source === 'map') && (
        <>
          <GeoMap
            outline={outline}
            points={value && value.source !== 'household' ? [{ id: 'here', at: value.point }] : []}
            onMapClick={(p) => onChange({ source: 'map', point: p })}
            style={{ height: 200, borderRadius: 8 }}
            testId="m-map"
          />
          <div className="cc-m-hint">{t('report.mapHint')}</div>
        </>
      )}
    </div>
  );
}
