/** One activity: details, sign-up or cancel, check-in and check-out with the code at the place and my location. */
import { Button, Form, Input, List, NavBar, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Activity, MySignup } from '../../../../src/server/modules/services/activities.schema';
import { AUDIENCE_LABELS, ORGANISER_KIND_LABELS } from '../../../../src/server/modules/services/services.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

function here(): Promise<{ lng: number; lat: number }> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude }),
      reject,
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  });
}

export function ActivityPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const a = useLoad(() => api.get<Activity>(`/api/services/activities/${id}`), [id]);
  const [busy, setBusy] = useState(false);
  // opened from the QR code at the place (/m/activities/<id>?code=123456): the code is filled in
  const given = useSearchParams()[0].get('code') ?? '';
  const scanned = /^\d{6}$/.test(given) ? given : '';
  const [code, setCode] = useState(scanned);
  const l = lang === 'en' ? 'en' : 'zh';

  const act = async (fn: () => Promise<MySignup>, done: (s: MySignup) => string) => {
    setBusy(true);
    try {
      const s = await fn();
      Toast.show({ icon: 'success', content: done(s) });
      a.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const check = (step: 'checkin' | 'checkout') =>
    act(
      async () => {
        if (!/^\d{6}$|^cocreate:services:checkin:|\/m\/activities\//.test(code.trim()))
          throw new Error(t('act.codeRule'));
        Toast.show({ icon: 'loading', content: t('act.locating'), duration: 0 });
        let where: { lng: number; lat: number };
        try {
          where = await here();
        } catch {
          throw new Error(t('act.noLocation'));
        } finally {
          Toast.clear();
        }
        return api.post<MySignup>(`/api/services/activities/${id}/${step}`, { code: code.trim(), ...where });
      },
      (s) =>
        step === 'checkin'
          ? t('act.checkedIn', { time: formatDateTime(s.checkedInAt) })
          : t('act.checkedOut', { time: formatDateTime(s.checkedOutAt) }),
    );

  if (a.error) return <Result status="error" title={errorMessage(a.error)} />;
  if (!a.data) return null;
  const x = a.data;
  const mine = x.mine && x.mine.state !== 'cancelled' ? x.mine : null;
  return (
    <div className="cc-m-page" data-testid="m-activity" data-state={mine?.state ?? 'none'}>
      <NavBar onBack={() => navigate('/activities')}>{x.title}</NavBar>
      <List>
        <List.Item extra={`${formatDateTime(x.startsAt)} – ${formatDateTime(x.endsAt).slice(11)}`}>
          {t('act.time')}
        </List.Item>
        <List.Item extra={x.place}>{t('act.place')}</List.Item>
        <List.Item extra={x.unitName ?? x.divisionName}>
          {t('act.organiser')} · {ORGANISER_KIND_LABELS[x.organiserKind][l]}
        </List.Item>
        <List.Item extra={AUDIENCE_LABELS[x.audience][l]}>{t('act.audience')}</List.Item>
        <List.Item extra={t('act.places', { enrolled: x.enrolled, capacity: x.capacity })}>
          {x.waiting ? t('act.waiting', { n: x.waiting }) : ''}
        </List.Item>
      </List>
      {x.description && <div className="cc-m-card">{x.description}</div>}
      {x.state === 'cancelled' && <Result status="warning" title={t('act.cancelledActivity')} />}
      {x.state === 'published' && !mine && (
        <Button
          block
          color="primary"
          loading={busy}
          data-testid="m-act-signup"
          onClick={() =>
            act(
              () => api.post<MySignup>(`/api/services/activities/${id}/signup`),
              (s) => (s.state === 'enrolled' ? t('act.signedUp') : t('act.waitlisted', { n: s.waitingPosition ?? 1 })),
            )
          }
        >
          {t('act.signUp')}
        </Button>
      )}
      {scanned && x.state === 'published' && !mine && <div className="cc-m-hint">{t('act.scannedSignUpFirst')}</div>}
      {mine?.state === 'waiting' && (
        <div className="cc-m-card" data-testid="m-act-waiting">
          {t('act.waitlisted', { n: mine.waitingPosition ?? 1 })}
        </div>
      )}
      {mine?.state === 'enrolled' && (
        <div className="cc-m-card">
          {mine.checkedInAt && <div>{t('act.checkedIn', { time: formatDateTime(mine.checkedInAt) })}</div>}
          {mine.checkedOutAt && <div>{t('act.checkedOut', { time: formatDateTime(mine.checkedOutAt) })}</div>}
          {mine.hours !== null ? (
            <div data-testid="m-act-hours">{t('act.confirmedHours', { n: mine.hours })}</div>
          ) : mine.checkedOutAt ? (
            <div className="cc-m-hint">{t('act.awaitConfirm')}</div>
          ) : (
            <Form layout="vertical">
              {scanned && code === scanned && (
                <div className="cc-m-hint" data-testid="m-act-scanned">
                  {t('act.scanned')}
                </div>
              )}
              <Form.Item label={t('act.codeLabel')}>
                <Input value={code} onChange={setCode} placeholder="123456" data-testid="m-act-code" clearable />
              </Form.Item>
              <Button
                block
                color="primary"
                loading={busy}
                data-testid={mine.checkedInAt ? 'm-act-checkout' : 'm-act-checkin'}
                onClick={() => check(mine.checkedInAt ? 'checkout' : 'checkin')}
              >
                {t(mine.checkedInAt ? 'act.checkout' : 'act.checkin')}
              </Button>
            </Form>
          )}
        </div>
      )}
      {mine && !mine.checkedInAt && new Date(x.startsAt) > new Date() && (
        <Button
          block
          fill="outline"
          loading={busy}
          onClick={() =>
            act(
              () => api.post<MySignup>(`/api/services/activities/${id}/signup/cancel`),
              () => t('act.cancelled'),
            )
          }
        >
          {t('act.cancelSignup')}
        </Button>
      )}
    </div>
  );
}
