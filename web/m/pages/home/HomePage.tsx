/** 首页: greeting, my place, my household, and the services: 随手拍 report and 积分 points (my balance). */
import { BellOutlined, CameraOutlined, EnvironmentOutlined, GiftOutlined, ProfileOutlined } from '@ant-design/icons';
import { Badge, Button, Card } from 'antd-mobile';
import { api } from '../../../shared/api';
import type { Notification } from '../../../shared/cases';
import type { Page } from '../../../shared/usePaged';
import type { MyPoints } from '../../../shared/points';
import { chinaHour } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { setElderlyMode, useElderlyMode } from '../../elderly';
import { useServices } from '../../services';
import { useSession, useSite } from '../../session';
import { HouseholdCard } from './HouseholdCard';

function greetingKey(hour: number) {
  if (hour < 11) return 'home.morning' as const;
  if (hour < 18) return 'home.afternoon' as const;
  return 'home.evening' as const;
}

export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const navigate = useNavigate();
  const place = me.user.homeDivision;
  const placePath = place
    ? place.path
        .filter((p) => p.code.length > 6)
        .map((p) => p.name)
        .join(' · ')
    : '';
  // the bell counts the unread among the latest 200 (the list itself pages on)
  const notes = useLoad(() => api.get<Page<Notification>>('/api/notifications', { limit: 200 }).catch(() => null), []);
  const unread = (notes.data?.items ?? []).filter((n) => !n.readAt).length;
  const services = useServices();
  const elderly = useElderlyMode();
  const points = useLoad(() => api.get<MyPoints>('/api/points/me').catch(() => null), []);

  return (
    <div className="cc-m-page">
      <div className="cc-m-hero">
        <div className="cc-m-hero-greet">
          {t('home.greeting', { greet: t(greetingKey(chinaHour())), name: me.user.displayName })}
        </div>
        <div className="cc-m-hero-sub">
          {t('app.name')} · {site.county.name}
        </div>
        <button
          type="button"
          className="cc-m-bell"
          onClick={() => navigate('/notifications')}
          aria-label={unread ? `${t('notes.title')} (${unread})` : t('notes.title')}
          data-testid="m-bell"
        >
          <Badge content={unread ? String(unread) : null}>
            <BellOutlined aria-hidden />
          </Badge>
        </button>
      </div>
      {elderly === null && (
        <div className="cc-m-ask" role="region" aria-label={t('elderly.switch')} data-testid="m-elderly-ask">
          <div className="cc-m-ask-title">{t('elderly.ask')}</div>
          <div className="cc-m-ask-actions">
            <Button color="primary" onClick={() => setElderlyMode(true)} data-testid="m-elderly-yes">
              {t('elderly.yes')}
            </Button>
            <Button onClick={() => setElderlyMode(false)} data-testid="m-elderly-no">
              {t('elderly.no')}
            </Button>
          </div>
        </div>
      )}
      {elderly === true && (
        <div className="cc-m-big-actions" data-testid="m-big-actions">
          <button type="button" className="cc-m-big-action" onClick={() => navigate('/report')}>
            <CameraOutlined /> {t('home.bigReport')}
          </button>
          <button type="button" className="cc-m-big-action" onClick={() => navigate('/me/reports')}>
            <ProfileOutlined /> {t('home.bigMine')}
          </button>
          <button type="button" className="cc-m-big-action" onClick={() => navigate('/points')}>
            <GiftOutlined /> {t('home.bigPoints')}
            {points.data ? ` · ${points.data.balance}` : ''}
          </button>
        </div>
      )}
      <Card className="cc-m-card cc-m-place" onClick={() => navigate('/me')} data-testid="home-place">
        <EnvironmentOutlined className="cc-m-place-icon" />
        <div className="cc-m-place-text">
          <div className="cc-m-label">{t('place.title')}</div>
          {place ? (
            <div className="cc-m-place-name" data-testid="home-place-name">
              {place.name}
            </div>
          ) : (
            <div className="cc-m-place-empty">{t('place.notSet')}</div>
          )}
          {placePath && <div className="cc-m-place-path">{placePath}</div>}
        </div>
        <span className="cc-m-link">{t(place ? 'place.change' : 'place.set')} ›</span>
      </Card>
      <HouseholdCard />
      <div className="cc-m-section">{t('home.services')}</div>
      <div className="cc-m-grid">
        {elderly !== true && (
          <>
            <Card
              className="cc-m-card cc-m-feature cc-m-feature-on"
              onClick={() => navigate('/report')}
              data-testid="home-report"
            >
              <CameraOutlined className="cc-m-feature-icon" />
              <div className="cc-m-feature-name">{t('home.report')}</div>
              <div className="cc-m-feature-hint">{t('home.reportHint')}</div>
              <span className="cc-m-link">{t('mine.go')} ›</span>
            </Card>
            <Card
              className="cc-m-card cc-m-feature cc-m-feature-on cc-m-points-home"
              onClick={() => navigate('/points')}
              data-testid="home-points"
            >
              <GiftOutlined className="cc-m-feature-icon" />
              <div className="cc-m-feature-name">{t('home.points')}</div>
              {points.data ? (
                <div className="cc-m-feature-hint">
                  <b data-testid="home-points-balance">{points.data.balance}</b> {t('tab.points')}
                  {points.data.pending ? ` · ${t('pts.homePending', { n: points.data.pending })}` : ''}
                </div>
              ) : (
                <div className="cc-m-feature-hint">{t('home.pointsHint')}</div>
              )}
              <span className="cc-m-link">{t('pts.homeGo')} ›</span>
            </Card>
          </>
        )}
        {services.map((s) =>
          s.homeCard ? (
            <Card
              key={s.path}
              className="cc-m-card cc-m-feature cc-m-feature-on"
              onClick={() => navigate(s.path)}
              data-testid={`home-${s.testId}`}
            >
              <span className="cc-m-feature-icon">{s.icon}</span>
              <div className="cc-m-feature-name">{t(s.homeCard.title)}</div>
              <div className="cc-m-feature-hint">{t(s.homeCard.hint)}</div>
              <span className="cc-m-link">{t('home.open')} ›</span>
            </Card>
          ) : null,
        )}
      </div>
    </div>
  );
}
