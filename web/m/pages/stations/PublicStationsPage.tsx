/**
 * 骑手找驿站 (no sign-in): the stations nearest the phone — open now first in mind — with their
 * services, today's hours or next opening (CST), distance, a map and links that open AMap or Baidu
 * with GCJ-02 coordinates. The phone's position (WGS-84 from the browser) is sent once per look-up and
 * not stored; without a fix the rider picks a town. Loaded on first visit, with the shared SVG map.
 */
import { Button, Card, DotLoading, Tag } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { SERVICE_LABELS, STATION_KIND_LABELS } from '../../../../src/server/modules/beehive/beehive.labels';
import type { NearStation } from '../../../../src/server/modules/beehive/beehive.schema';
import { api, errorMessage } from '../../../shared/api';
import { GeoMap, type MapPoint } from '../../../shared/GeoMap';
import { useLoad } from '../../../shared/useLoad';
import { LangSwitch } from '../../components/LangSwitch';
import { LoadFailed } from '../../components/LoadFailed';
import { useI18n } from '../../i18n';
import { useSiteIfLoaded } from '../../session';
import { OpenTag } from './OpenTag';

interface Position {
  lng: number;
  lat: number;
  /** null: the phone's fix; else the town picked */
  town: string | null;
}
interface Town {
  code: string;
  name: string;
  lng: number;
  lat: number;
}
type Near = { at: string; items: (NearStation & { opensAt: string | null })[] };

const LIMIT = 8;

export function PublicStationsPage() {
  const { t } = useI18n();
  const [pos, setPos] = useState<Position | null>(null);
  const [locating, setLocating] = useState(true);

  const locate = () => {
    if (!navigator.geolocation) return setLocating(false);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPos({ lng: p.coords.longitude, lat: p.coords.latitude, town: null });
        setLocating(false);
      },
      () => setLocating(false),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };
  useEffect(locate, []);

  const towns = useLoad(() => api.get<{ items: Town[] }>('/api/beehive/towns'), []);
  const near = useLoad(
    () =>
      pos
        ? api.get<Near>('/api/beehive/stations/nearest', {
            lng: pos.lng.toFixed(6),
            lat: pos.lat.toFixed(6),
            coordSystem: 'wgs84', // the browser's fix is WGS-84; the server answers GCJ-02 for the map apps
            limit: LIMIT,
            open: 'any',
          })
        : Promise.resolve(null),
    [pos],
  );
  const pickTown = (code: string) => {
    const town = towns.data?.items.find((x) => x.code === code);
    if (town) setPos({ lng: town.lng, lat: town.lat, town: town.name });
  };

  return (
    <div className="cc-m-page" data-testid="m-stations-public">
      <header className="cc-m-pub-head">
        <div className="cc-m-pub-lang">
          <LangSwitch />
        </div>
        <h1>{t('st.pub.title')}</h1>
        <p>{t('st.pub.intro')}</p>
      </header>
      <Card>
        <div className="cc-m-pub-row">
          <span data-testid="pub-where">
            {locating ? (
              <>
                {t('st.pub.locating')} <DotLoading />
              </>
            ) : pos ? (
              pos.town ? (
                t('st.pub.nearTown', { town: pos.town })
              ) : (
                t('st.pub.nearYou')
              )
            ) : (
              t('st.pub.noFix')
            )}
          </span>
          {!locating && (
            <Button size="small" onClick={locate} data-testid="pub-locate">
              {t('st.pub.locate')}
            </Button>
          )}
        </div>
        <select
          className="cc-m-pub-select"
          aria-label={t('st.pub.pickTown')}
          value=""
          onChange={(e) => pickTown(e.target.value)}
          data-testid="pub-town"
          style={{ marginTop: 8 }}
        >
          <option value="">{t('st.pub.pickTown')}</option>
          {(towns.data?.items ?? []).map((x) => (
            <option key={x.code} value={x.code}>
              {x.name}
            </option>
          ))}
        </select>
      </Card>
      {near.error ? (
        <LoadFailed detail={errorMessage(near.error)} retry={near.reload} />
      ) : pos && near.loading ? (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      ) : near.data ? (
        <Found near={near.data} pos={pos} />
      ) : null}
      <p className="cc-m-rider-link">
        <Link to="/sign-in">{t('st.pub.signIn')}</Link>
      </p>
    </div>
  );
}

function Found({ near, pos }: { near: Near; pos: Position | null }) {
  const { t } = useI18n();
  const site = useSiteIfLoaded();
  const nearest = near.items.find((s) => s.openNow) ?? null;
  const points = useMemo<MapPoint[]>(
    () => [
      // the rider's own point first (drawn under a station standing at the same place), unlabelled:
      // the legend names it, and a label would cover the nearest station's
      ...(pos ? [{ id: 'me', at: [pos.lng, pos.lat] as [number, number], color: '#0958d9' }] : []),
      ...near.items.map((s) => ({
        id: s.id,
        at: [s.lng, s.lat] as [number, number],
        color: s.openNow ? '#b7141b' : '#8c8c8c',
        label: s.id === nearest?.id ? s.name : undefined,
      })),
    ],
    [near, pos, nearest],
  );
  return (
    <>
      {nearest ? (
        <Card title={t('st.pub.nearestOpen')} data-testid="pub-nearest" data-station={nearest.name}>
          <StationLines s={nearest} at={near.at} />
        </Card>
      ) : (
        <Card data-testid="pub-none-open">{t('st.pub.noneOpen')}</Card>
      )}
      {near.items.length > 0 && (
        <Card title={t('st.pub.map')}>
          <GeoMap
            points={points}
            tiles={site?.mapTiles ?? null}
            style={{ height: 240 }}
            testId="pub-map"
            ariaLabel={t('st.pub.map')}
          />
          <div className="cc-m-pub-muted">{t('st.pub.mapLegend')}</div>
        </Card>
      )}
      <Card title={t('st.pub.list')} data-testid="pub-list">
        {near.items.length === 0 && t('st.none')}
        {near.items.map((s) => (
          <div key={s.id} data-station={s.name} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
            <StationLines s={s} at={near.at} compact />
          </div>
        ))}
      </Card>
    </>
  );
}

/**
 * One station's lines: name and distance, open state, today's hours, services, navigation (large
 * buttons for the nearest open one; plain links in the list, so a thumb scrolls past eight stations).
 */
function StationLines({ s, at, compact }: { s: Near['items'][number]; at: string; compact?: boolean }) {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  return (
    <div>
      <div className="cc-m-pub-row">
        <Link to={`/stations/public/${s.id}`} data-testid="pub-detail-link" style={{ fontWeight: 600, fontSize: 16 }}>
          {s.name}
        </Link>
        <span>
          {s.metres < 1000 ? t('st.metres', { m: s.metres }) : t('st.pub.km', { km: (s.metres / 1000).toFixed(1) })}
        </span>
      </div>
      <div className="cc-m-pub-muted">
        {pl(STATION_KIND_LABELS[s.kind])} · {s.address}
      </div>
      <div>
        <OpenTag openNow={s.openNow} opensAt={s.opensAt} at={at} />{' '}
        <span className="cc-m-pub-muted">
          {s.hoursToday.length ? t('st.today', { hours: s.hoursToday.join(', ') }) : t('st.pub.closedToday')}
        </span>
      </div>
      <div style={{ margin: '4px 0' }}>
        {s.services.map((x) => (
          <Tag key={x} color="success" fill="outline" style={{ marginRight: 4, marginBottom: 4 }}>
            {pl(SERVICE_LABELS[x as keyof typeof SERVICE_LABELS] ?? { zh: x, en: x })}
          </Tag>
        ))}
      </div>
      <div className={compact ? 'cc-m-pub-links' : 'cc-m-pub-nav'}>
        <a href={s.navigation.amap} target="_blank" rel="noreferrer" data-testid="pub-nav-amap">
          {t('st.navAmap')}
        </a>
        <a href={s.navigation.baidu} target="_blank" rel="noreferrer" data-testid="pub-nav-baidu">
          {t('st.navBaidu')}
        </a>
      </div>
    </div>
  );
}
