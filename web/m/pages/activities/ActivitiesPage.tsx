/** 志愿服务: my confirmed hours, then the activities calendar (by day) or my sign-ups. */
import { DotLoading, ErrorBlock, InfiniteScroll, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Activity, MyActivity, MyHours } from '../../../../src/server/modules/services/activities.schema';
import type { Signature } from '../../../../src/server/modules/services/units.schema';
import { ACTIVITY_KIND_LABELS, SIGNUP_STATE_LABELS } from '../../../../src/server/modules/services/services.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

const day = (iso: string | Date) => formatDateTime(iso).slice(0, 10);

export function ActivitiesPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [tab, setTab] = useState<'calendar' | 'mine'>('calendar');
  const hours = useLoad(() => api.get<MyHours>('/api/services/me/hours'), []);
  const home = useSession().me.user.homeDivision?.code;
  const signature = useLoad(
    () => (home ? api.get<Signature[]>(`/api/services/signatures/${home}`) : Promise.resolve([])),
    [home],
  );
  const [from] = useState(() => new Date(Date.now() - 12 * 3_600_000).toISOString());
  const calendar = usePaged((cursor) => api.get<Page<Activity>>('/api/services/activities', { cursor, from }), [from]);
  const mine = usePaged((cursor) => api.get<Page<MyActivity>>('/api/services/me/activities', { cursor }), []);
  const rows = tab === 'calendar' ? calendar : mine;
  let lastDay = '';

  return (
    <div className="cc-m-page" data-testid="m-activities">
      <div className="cc-m-points-hero">
        <div className="cc-m-points-label">{t('act.myHours')}</div>
        <div className="cc-m-points-balance" data-testid="m-my-hours">
          {hours.data ? t('act.hours', { n: hours.data.hours }) : '—'}
        </div>
        <div className="cc-m-points-sub">{t('act.activitiesDone', { n: hours.data?.activities ?? 0 })}</div>
      </div>
      {signature.data?.[0] && (
        <div className="cc-m-card" data-testid="m-signature">
          <div className="cc-m-shop-name">
            {t('act.signature')} · {signature.data[0].name}
          </div>
          <div className="cc-m-hint">{signature.data[0].description}</div>
        </div>
      )}
      <Tabs activeKey={tab} onChange={(k) => setTab(k as 'calendar' | 'mine')} stretch>
        <Tabs.Tab key="calendar" title={t('act.calendar')} />
        <Tabs.Tab key="mine" title={<span data-testid="m-act-tab-mine">{t('act.mine')}</span>} />
      </Tabs>
      {rows.error ? <ErrorBlock status="disconnected" description={errorMessage(rows.error)} /> : null}
      {rows.loading && !rows.items.length ? (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      ) : null}
      {!rows.loading && !rows.items.length && !rows.error ? (
        <ErrorBlock status="empty" title={t(tab === 'calendar' ? 'act.empty' : 'act.mineEmpty')} description="" />
      ) : null}
      {tab === 'calendar' &&
        calendar.items.map((a) => {
          const d = day(a.startsAt);
          const head = d !== lastDay ? <div className="cc-m-hint">{d}</div> : null;
          lastDay = d;
          return (
            <div key={a.id}>
              {head}
              <div
                className="cc-m-card"
                data-activity={a.id}
                onClick={() => navigate(`/activities/${a.id}`)}
                onKeyDown={() => {}}
              >
                <div className="cc-m-shop-name">
                  {a.title} <Tag fill="outline">{ACTIVITY_KIND_LABELS[a.kind][lang === 'en' ? 'en' : 'zh']}</Tag>
                  {a.state === 'cancelled' && <Tag color="default">{t('act.cancelledActivity')}</Tag>}
                  {a.mine && a.mine.state !== 'cancelled' && (
                    <Tag color="success">{SIGNUP_STATE_LABELS[a.mine.state][lang === 'en' ? 'en' : 'zh']}</Tag>
                  )}
                </div>
                <div className="cc-m-hint">
                  {formatDateTime(a.startsAt).slice(11)}–{formatDateTime(a.endsAt).slice(11)} · {a.place}
                </div>
                <div className="cc-m-hint">
                  {t('act.places', { enrolled: a.enrolled, capacity: a.capacity })}
                  {a.waiting ? ` · ${t('act.waiting', { n: a.waiting })}` : ''}
                </div>
              </div>
            </div>
          );
        })}
      {tab === 'mine' &&
        mine.items.map((m) => (
          <div
            key={m.signup.id}
            className="cc-m-card"
            data-my-activity={m.activityId}
            onClick={() => navigate(`/activities/${m.activityId}`)}
            onKeyDown={() => {}}
          >
            <div className="cc-m-shop-name">
              {m.title} <Tag>{SIGNUP_STATE_LABELS[m.signup.state][lang === 'en' ? 'en' : 'zh']}</Tag>
            </div>
            <div className="cc-m-hint">
              {formatDateTime(m.startsAt)} · {m.place}
            </div>
            {m.signup.hours !== null && (
              <div className="cc-m-hint" data-testid="m-act-confirmed">
                {t('act.confirmedHours', { n: m.signup.hours })}
              </div>
            )}
          </div>
        ))}
      <InfiniteScroll loadMore={rows.loadMore} hasMore={rows.more} />
    </div>
  );
}
