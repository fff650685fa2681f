/** Header: product name, the signed-in user with roles and scopes, language switch, sign-out. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Popover, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../shared/api';
import { LangSwitch } from '../components/LangSwitch';
import { useI18n } from '../i18n';
import { useSession, useSite } from '../session';

export function ConsoleHeader() {
  const { t } = useI18n();
  const { me, roleLabel, departmentName } = useSession();
  const site = useSite();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const signOut = async () => {
    try {
      await api.post('/api/auth/sign-out');
      navigate('/sign-in', { replace: true });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const grants = me.grants.map((g) => (
    <Tag key={`${g.role}@${g.scopeCode}/${g.departmentCode ?? ''}`} color="red" variant="outlined" className="cc-grant">
      {roleLabel(g.role)} · {g.scopeName}
      {g.departmentCode ? ` · ${departmentName(g.departmentCode)}` : ''}
    </Tag>
  ));

  return (
    <Layout.Header className="cc-header">
      <div className="cc-brand" onClick={() => navigate('/')} role="link">
        <span className="cc-logo" aria-hidden>
          共
        </span>
        <span className="cc-brand-name">{t('app.name')}</span>
        <span className="cc-brand-sub">{t('app.nameEn')}</span>
        <span className="cc-brand-county">{site.county.name}</span>
      </div>
      <Space size={12} className="cc-header-right">
        <Popover
          content={
            <Space orientation="vertical" size={4}>
              {grants}
            </Space>
          }
          title={t('header.myRoles')}
          placement="bottomRight"
        >
          <span className="cc-user" data-testid="current-user">
            <UserOutlined /> <Typography.Text strong>{me.user.displayName}</Typography.Text>
            <span className="cc-user-grants">
              {grants.slice(0, 2)}
              {grants.length > 2 ? <Tag>+{grants.length - 2}</Tag> : null}
            </span>
          </span>
        </Popover>
        <LangSwitch />
        <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="sign-out">
          {t('action.signOut')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
