/**
 * Resident sign-in: phone → 获取验证码 → code → 登录. In the demo, a hint with the demo phones and the code.
 * The first page a phone shows: only light parts (List, Input, Button; messages stay on the page until
 * the next action, no toasts), so it is usable early on a weak network (scripts/bundle-budget.mjs).
 */
import { Button, Input, List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import type { SmsCodeSent } from '../../../shared/types';
import type { SignInNotice } from '../../App';
import { LangSwitch } from '../../components/LangSwitch';
import { useI18n } from '../../i18n';
import { useSiteIfLoaded } from '../../session';
import { DemoHint } from './DemoHint';

const PHONE = /^1[3-9]\d{9}$/;

export function SignInPage() {
  const { t } = useI18n();
  const site = useSiteIfLoaded();
  const navigate = useNavigate();
  const notice = (useLocation().state as SignInNotice | null) ?? {};
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    setError(null);
    setStatus(null);
    if (!PHONE.test(phone)) return setError(t('signIn.phoneRule'));
    try {
      const r = await api.post<SmsCodeSent>('/api/auth/sms-code', { phone });
      setWait(r.resendAfterSeconds);
      setSent(true);
      setStatus(t('signIn.codeSent'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const signIn = async () => {
    setError(null);
    setStatus(null);
    if (!PHONE.test(phone)) return setError(t('signIn.phoneRule'));
    if (!/^\d{6}$/.test(code)) return setError(t('signIn.codeRule'));
    setBusy(true);
    try {
      await api.post('/api/auth/sms-sign-in', { phone, code });
      // back where the session was missing (a scanned check-in link), inside the app only
      navigate(notice.from?.startsWith('/') && !notice.from.startsWith('//') ? notice.from : '/', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cc-m-signin">
      <div className="cc-m-signin-top">
        <LangSwitch />
      </div>
      <div className="cc-m-signin-brand">
        <span className="cc-m-logo" aria-hidden>
          共
        </span>
        <h1>{t('app.name')}</h1>
        <p>{site ? t('signIn.subtitle', { county: site.county.name }) : '\u00a0'}</p>
      </div>
      {notice.notice && (
        <div className={`cc-m-notice cc-m-notice-${notice.code === 'session_expired' ? 'warn' : 'info'}`} role="status">
          {notice.notice}
        </div>
      )}
      <List className="cc-m-form" mode="card">
        <List.Item
          prefix={
            <label htmlFor="cc-phone" className="cc-m-form-label">
              {t('signIn.phone')}
            </label>
          }
        >
          <Input
            type="tel"
            inputMode="numeric"
            maxLength={11}
            placeholder={t('signIn.phonePlaceholder')}
            value={phone}
            onChange={setPhone}
            clearable
            id="cc-phone"
          />
        </List.Item>
        <List.Item
          prefix={
            <label htmlFor="cc-code" className="cc-m-form-label">
              {t('signIn.code')}
            </label>
          }
          extra={
            <Button
              size="small"
              color="primary"
              fill="outline"
              disabled={wait > 0}
              onClick={sendCode}
              data-testid="m-send-code"
            >
              {wait > 0 ? t('signIn.resendIn', { s: wait }) : t(sent ? 'signIn.resend' : 'signIn.getCode')}
            </Button>
          }
        >
          <Input
            inputMode="numeric"
            maxLength={6}
            placeholder={t('signIn.codePlaceholder')}
            value={code}
            onChange={setCode}
            clearable
            id="cc-code"
          />
        </List.Item>
      </List>
      <div className="cc-m-signin-submit">
        <Button block color="primary" size="large" loading={busy} onClick={signIn} data-testid="m-signin">
          {t('signIn.submit')}
        </Button>
      </div>
      {status && (
        <div className="cc-m-status" role="status" data-testid="m-status">
          {status}
        </div>
      )}
      {error && (
        <div className="cc-m-error" role="alert" data-testid="m-error">
          {error}
        </div>
      )}
      <p className="cc-m-terms">{t('signIn.terms')}</p>
      <p className="cc-m-rider-link">
        <Link to="/stations/public" data-testid="m-rider-stations">
          {t('signIn.riderStations')} →
        </Link>
      </p>
      <p className="cc-m-rider-link">
        <Link to="/public/projects" data-testid="m-public-projects-link">
          {t('signIn.publicProjects')}
        </Link>
      </p>
      {site?.demo && <DemoHint phone={phone} onPhone={setPhone} onCode={setCode} onMessage={setStatus} />}
    </div>
  );
}
