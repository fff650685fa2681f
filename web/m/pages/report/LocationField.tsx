/** Where the problem is: the phone's position (WGS-84) when allowed, else a tap on the county sketch map, else the default. */
import { Button, Toast } from 'antd-mobile';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { type AreaGeometry, type LngLat } from '../../../shared/geo';
import { GeoMap } from '../../../shared/GeoMap';
import { useI18n } from '../../i18n';

interface Props {
  outline: AreaGeometry | null;
  value: LngLat;
  onChange: (p: LngLat) => void;
  defaultLabel: string;
}

export function LocationField({ outline, value, onChange, defaultLabel }: Props) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const gps = () => {
    if (!('geolocation' in navigator)) { Toast.show({ content: t('report.gpsFailed', { msg: 'geolocation' }) }); return; }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => { setLocating(false); onChange([Number(p.coords.longitude.toFixed(6)), Number(p.coords.latitude.toFixed(6))]); Toast.show({ icon: 'success', content: t('report.gpsOk') }); },
      (e) => { setLocating(false); Toast.show({ content: t('report.gpsFailed', { msg: e.message || String(e.code) }) }); },
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="cc-m-location" data-testid="m-location">
      <div className="cc-m-location-head">
        <span><EnvironmentOutlined /> {t('report.coords', { lng: value[0].toFixed(5), lat: value[1].toFixed(5) })}</span>
        <Button size="mini" color="primary" fill="outline" loading={locating} onClick={gps} data-testid="m-gps">{t('report.useGps')}</Button>
      </div>
      <GeoMap outline={outline} points={[{ id: 'here', at: value }]} onMapClick={onChange} style={{ height: 200, borderRadius: 8 }} testId="m-map" />
      <div className="cc-m-hint">{t('report.mapHint')} · {t('report.default', { place: defaultLabel })}</div>
    </div>
  );
}
