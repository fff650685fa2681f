/**
 * One station for anyone (no sign-in): open now or when it opens (CST), the week's hours, services,
 * emergency medicine yes/no (the stock stays with the staff), the responsible party organisation, the
 * co-building agreement's parties, navigation in AMap/Baidu (GCJ-02); a signed-in visitor also gets
 * the way to the check-in (scanning the station's QR on the stations page).
 */
import { Card, DotLoading, List, Tag } from 'antd-mobile';
import { Link, useParams } from 'react-router-dom';
import {
  AGREEMENT_STATE_LABELS,
  SERVICE_LABELS,
  STATION_KIND_LABELS,
  WEEKDAY_LABELS,
} from '../../../../src/server/modules/beehive/beehive.labels';
import type { PublicStation } from '../../../../src/server/modules/beehive/beehive.schema';
import { api, errorMessage } from '../../../shared/api';
import type { Me } from '../../../shared/types';
import { useLoad } from '../../../shared/useLoad';
import { LoadFailed } from '../../components/LoadFailed';
import { useI18n } from '../../i18n';
import { cstWeekday } from './hours';
import { OpenTag } from './OpenTag';

type Detail = { at: string; station: PublicStation & { opensAt: string | null } };

export function PublicStationPage() {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const { id = '' } = useParams();
  const detail = useLoad(() => api.get<Detail>(`/api/beehive/stations/${encodeURIComponent(id)}`), [id]);
  // signed in or not: a 401 here only means "not signed in" (this page is public)
  const me = useLoad(() => api.get<Me>('/api/me').catch(() => null), []);

  if (detail.error) return <LoadFailed detail={errorMessage(detail.error)} retry={detail.reload} fullPage />;
  if (!detail.data)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  const { at, station: s } = detail.data;
  const today = cstWeekday(at);
  return (
    <div className="cc-m-page" data-testid="m-station-public" data-station={s.name}>
      <header className="cc-m-pub-head">
        <p>
          <Link to="/stations/public" data-testid="pub-back">
            ← {t('st.pub.back')}
          </Link>
        </p>
        <h1>{s.name}</h1>
        <p>{pl(STATION_KIND_LABELS[s.kind])}</p>
      </header>
      <Card>
        <OpenTag openNow={s.openNow} opensAt={s.opensAt} at={at} />
        <div className="cc-m-pub-nav">
          <a href={s.navigation.amap} target="_blank" rel="noreferrer" data-testid="pub-nav-amap">
            {t('st.navAmap')}
          </a>
          <a href={s.navigation.baidu} target="_blank" rel="noreferrer" data-testid="pub-nav-baidu">
            {t('st.navBaidu')}
          </a>
        </div>
      </Card>
      <List mode="card">
        <List.Item extra={s.address || '—'}>{t('st.pub.address')}</List.Item>
        <List.Item extra={s.placeName || '—'}>{t('st.pub.place')}</List.Item>
        <List.Item extra={s.responsibleOrg || '—'} data-testid="pub-org">
          {t('st.pub.org')}
        </List.Item>
        <List.Item
          extra={
            <Tag color={s.emergencyMedicine ? 'success' : 'default'} data-testid="pub-medicine">
              {t(s.emergencyMedicine ? 'st.pub.medicineYes' : 'st.pub.medicineNo')}
            </Tag>
          }
        >
          {t('st.pub.medicine')}
        </List.Item>
      </List>
      <Card title={t('st.pub.services')}>
        {s.services.map((x) => (
          <Tag key={x} color="success" fill="outline" style={{ marginRight: 4, marginBottom: 4 }}>
            {pl(SERVICE_LABELS[x as keyof typeof SERVICE_LABELS] ?? { zh: x, en: x })}
          </Tag>
        ))}
      </Card>
      <Card title={t('st.pub.hours')}>
        <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="pub-hours">
          <tbody>
            {s.hours.map((periods, d) => (
              <tr key={WEEKDAY_LABELS[d].en} style={d === today ? { fontWeight: 600, color: '#b7141b' } : undefined}>
                <td style={{ padding: '4px 0', width: '30%' }}>{pl(WEEKDAY_LABELS[d])}</td>
                <td>{periods.length ? periods.join(', ') : t('st.pub.closed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {s.agreement && (
        <Card title={t('st.pub.agreement')} data-testid="pub-agreement">
          <div>{t('st.pub.parties', { parties: s.agreement.parties.join('、') })}</div>
          <div className="cc-m-pub-muted">
            {t('st.pub.validity', { from: s.agreement.validFrom, to: s.agreement.validTo })} ·{' '}
            {pl(AGREEMENT_STATE_LABELS[s.agreement.state])}
          </div>
        </Card>
      )}
      <Card title={t('st.pub.checkin')} data-testid="pub-checkin">
        {me.loading ? (
          <DotLoading />
        ) : me.data ? (
          <>
            <div className="cc-m-pub-muted">{t('st.pub.checkinHint')}</div>
            <p className="cc-m-rider-link" style={{ margin: '8px 0 0' }}>
              <Link to="/stations" data-testid="pub-checkin-go">
                {t('st.pub.checkinGo')}
              </Link>
            </p>
          </>
        ) : (
          <p className="cc-m-rider-link" style={{ margin: 0 }}>
            <Link to="/sign-in">{t('st.pub.signInToCheckin')}</Link>
          </p>
        )}
      </Card>
    </div>
  );
}
