/**
 * 身边的事: the county's public reports (no names, phones or staff notes), newest first; "我附近" asks
 * the phone where it is and shows those within about 2 km. A tap opens the report's public progress.
 */
import { Button, DotLoading, ErrorBlock, InfiniteScroll, List, NavBar, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PublicCase } from '../../../../src/server/modules/cases/photos.schema';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import type { Wire } from '../../../shared/wire';
import { useI18n } from '../../i18n';
import { M_STATE_COLORS } from '../reports/MyReportsPage';

/** About 2 km around a point, as the public list's bbox (minLng,minLat,maxLng,maxLat). */
export function bboxAround([lng, lat]: [number, number], km = 2): string {
  const dLat = km / 111;
  const dLng = km / (111 * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat].map((v) => v.toFixed(5)).join(',');
}

function position(): Promise<[number, number] | null> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve([p.coords.longitude, p.coords.latitude]),
      () => resolve(null),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

export function NearbyPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [where, setWhere] = useState<'all' | 'near'>('all');
  const [bbox, setBbox] = useState<string | undefined>();
  const [note, setNote] = useState<string | null>(null);
  const list = usePaged((cursor) => api.get<Page<Wire<PublicCase>>>('/api/public/cases', { cursor, bbox }), [bbox]);

  const choose = async (v: 'all' | 'near') => {
    setWhere(v);
    setNote(null);
    if (v === 'all') return setBbox(undefined);
    setNote(t('nearby.locating'));
    const p = await position();
    if (!p) {
      setWhere('all');
      setBbox(undefined);
      return setNote(t('nearby.noLocation'));
    }
    setNote(null);
    setBbox(bboxAround(p));
  };

  return (
    <div className="cc-m-page" data-testid="m-nearby">
      <NavBar onBack={() => navigate('/')} className="cc-m-nav">
        {t('nearby.title')}
      </NavBar>
      <div className="cc-m-inset">
        {/* two plain toggle buttons: antd-mobile's Segmented puts radio inputs inside a listbox (axe) */}
        <div className="cc-m-toggle" role="group" aria-label={t('nearby.title')}>
          {(['all', 'near'] as const).map((w) => (
            <Button
              key={w}
              size="small"
              color={where === w ? 'primary' : 'default'}
              fill={where === w ? 'solid' : 'outline'}
              aria-pressed={where === w}
              onClick={() => void choose(w)}
            >
              {t(w === 'all' ? 'nearby.all' : 'nearby.near')}
            </Button>
          ))}
        </div>
        {note && (
          <div className="cc-m-hint" role="status">
            {note}
          </div>
        )}
      </div>
      {list.error ? <ErrorBlock status="disconnected" description={errorMessage(list.error)} /> : null}
      {list.loading && !list.items.length && (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      )}
      {!list.loading && !list.error && !list.items.length && (
        <ErrorBlock status="empty" title={t('nearby.empty')} description="" />
      )}
      {list.items.length > 0 && (
        <List mode="card" data-testid="m-nearby-list">
          {list.items.map((c) => (
            <List.Item
              key={c.number}
              onClick={() => navigate(`/nearby/${c.number}`)}
              description={`${c.categoryName} · ${t(c.closedAt ? 'nearby.closed' : 'nearby.received', {
                at: formatDateTime(c.closedAt ?? c.receivedAt).slice(0, 16),
              })}`}
              extra={
                <Tag color={M_STATE_COLORS[c.state] ?? 'default'}>
                  {lang === 'en' ? c.stateLabel.en : c.stateLabel.zh}
                </Tag>
              }
              data-number={c.number}
            >
              {c.title}
            </List.Item>
          ))}
        </List>
      )}
      <InfiniteScroll loadMore={list.loadMore} hasMore={list.more} />
    </div>
  );
}
