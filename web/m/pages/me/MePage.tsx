/** 我的: my place (with the picker), language, sign-out. */
import { Button, Dialog, List, Switch, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { LangSwitch } from '../../components/LangSwitch';
import { setElderlyMode, useElderlyMode } from '../../elderly';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { PlacePicker } from './PlacePicker';
import { showError } from '../../notice';

export function MePage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const site = useSite();
  const navigate = useNavigate();
  const [picking, setPicking] = useState(false);
  const place = me.user.homeDivision;
  const elderly = useElderlyMode() === true;

  const signOut = async () => {
    const ok = await Dialog.confirm({
      content: t('me.signOutConfirm'),
      confirmText: t('action.signOut'),
      cancelText: t('action.cancel'),
    });
    if (!ok) return;
    try {
      await api.post('/api/auth/sign-out');
      navigate('/sign-in', { replace: true });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div className="cc-m-page">
      <div className="cc-m-profile">
        <span className="cc-m-avatar">{me.user.displayName.slice(0, 1)}</span>
        <div>
          <div className="cc-m-profile-name">{me.user.displayName}</div>
          <div className="cc-m-profile-sub">
            {t('me.resident')} · {site.county.name}
          </div>
        </div>
      </div>
      <List mode="card">
        <List.Item onClick={() => navigate('/me/reports')} data-testid="me-reports">
          {t('me.reports')}
        </List.Item>
        <List.Item onClick={() => navigate('/notifications')} data-testid="me-notifications">
          {t('me.notifications')}
        </List.Item>
        <List.Item onClick={() => navigate('/selections/honours')} data-testid="me-honours">
          {t('msel.honours')}
        </List.Item>
      </List>
      <List header={t('me.settings')} mode="card">
        <List.Item
          onClick={() => setPicking(true)}
          extra={<span data-testid="me-place">{place?.name ?? t('place.notSet')}</span>}
          description={
            place
              ? place.path
                  .filter((p) => p.code.length > 6 && p.code !== place.code)
                  .map((p) => p.name)
                  .join(' · ')
              : t('place.why')
          }
          data-testid="me-place-item"
        >
          {t('place.title')}
        </List.Item>
        <List.Item extra={<LangSwitch />}>{t('me.language')}</List.Item>
        <List.Item
          description={t('elderly.switchHint')}
          extra={
            <Switch
              checked={elderly}
              onChange={setElderlyMode}
              aria-label={t('elderly.switch')}
              data-testid="m-elderly-switch"
            />
          }
        >
          {t('elderly.switch')}
        </List.Item>
      </List>
      <div className="cc-m-signout">
        <Button block color="danger" fill="outline" onClick={signOut} data-testid="m-sign-out">
          {t('action.signOut')}
        </Button>
      </div>
      <PlacePicker
        visible={picking}
        countyCode={site.county.code}
        onClose={() => setPicking(false)}
        onSaved={(next) => {
          setMe(next);
          setPicking(false);
          Toast.show({ icon: 'success', content: t('place.saved') });
        }}
      />
    </div>
  );
}
