/**
 * Staff sign-in: username and password, then the TOTP code or TOTP enrolment for administrators,
 * then a new password when the current one was set by an administrator (one-time).
 */
import { Alert, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { SignInStep } from '../../../shared/types';
import type { SignInNotice } from '../../App';
import { LangSwitch } from '../../components/LangSwitch';
import { useI18n } from '../../i18n';
import { useSite } from '../../session';
import { DemoAccounts } from './DemoAccounts';
import { NewPasswordForm } from './NewPasswordForm';
import { PasswordForm, type Credentials } from './PasswordForm';
import { TotpForm } from './TotpForm';

export function SignInPage() {
  const { t } = useI18n();
  const site = useSite();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as SignInNotice | null) ?? {};
  const [form] = Form.useForm<Credentials>();
  const [step, setStep] = useState<SignInStep | null>(null);
  const [username, setUsername] = useState('');

  const done = () => navigate('/', { replace: true });
  const onPassword = (next: SignInStep, user: string) => {
    setUsername(user);
    if (next.stage === 'active') done();
    else setStep(next);
  };

  return (
    <div className="cc-signin">
      <div className="cc-signin-top">
        <LangSwitch />
      </div>
      <div className="cc-signin-body">
        <div className="cc-signin-brand">
          <span className="cc-logo cc-logo-lg" aria-hidden>
            共
          </span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('app.nameEn')} · {t('signIn.console')} · {site.county.name}
            </Typography.Text>
          </div>
        </div>
        <Card
          className="cc-signin-card"
          title={
            !step
              ? t('signIn.title')
              : step.stage === 'password_change'
                ? t('signIn.newPasswordTitle')
                : t('signIn.secondFactor')
          }
        >
          {notice.notice && notice.code !== 'unauthenticated' && !step && (
            <Alert
              type={notice.code === 'session_expired' ? 'warning' : 'info'}
              showIcon
              title={notice.notice}
              style={{ marginBottom: 16 }}
            />
          )}
          {!step && <PasswordForm form={form} onStep={onPassword} />}
          {step && step.stage === 'password_change' && (
            <NewPasswordForm username={username} onDone={done} onBack={() => setStep(null)} />
          )}
          {step && step.stage !== 'password_change' && (
            <TotpForm
              step={step}
              username={username}
              onDone={(next) => (next === 'password_change' ? setStep({ stage: next }) : done())}
              onBack={() => setStep(null)}
            />
          )}
        </Card>
        {site.demo && <DemoAccounts onPick={(u, p) => form.setFieldsValue({ username: u, password: p })} />}
        <Typography.Text type="secondary" className="cc-signin-foot">
          {t('signIn.foot')} · <a href="/m">{t('signIn.residentApp')}</a> ·{' '}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            {t('footer.apiDocs')}
          </a>
        </Typography.Text>
      </div>
    </div>
  );
}
