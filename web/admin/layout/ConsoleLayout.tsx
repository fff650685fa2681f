/** The console frame: header (product, user, roles, language, sign-out), side menu from capabilities, content. */
import { Layout, Menu, Result, type MenuProps } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { modulesFor } from '../modules';
import { useSession, useSite } from '../session';
import { ConsoleHeader } from './ConsoleHeader';
import { VisibleModules } from './visible-modules';

export function ConsoleLayout() {
  const { t } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const navigate = useNavigate();
  const location = useLocation();
  const modules = modulesFor(me);
  const current = location.pathname.split('/')[1] ?? '';
  const selected =
    modules.find((m) => !m.hidden && m.path === current)?.key ?? (current === 'cases' ? 'triage' : 'home');

  const group = (g: 'work' | 'cases' | 'points' | 'admin', label: string) => {
    const items = modules
      .filter((m) => m.group === g && !m.hidden)
      .map((m) => ({ key: m.key, icon: m.icon, label: t(m.label) }));
    return items.length ? [{ type: 'group' as const, key: g, label, children: items }] : [];
  };
  const items: MenuProps['items'] = [
    ...group('work', t('menu.groupWork')),
    ...group('cases', t('menu.groupCases')),
    ...group('points', t('menu.groupPoints')),
    ...group('admin', t('menu.groupAdmin')),
  ];

  return (
    <Layout className="cc-console">
      <ConsoleHeader />
      <Layout>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={56} className="cc-sider">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={items}
            onClick={({ key }) => navigate(`/${modules.find((m) => m.key === key)?.path ?? ''}`)}
            data-testid="console-menu"
          />
        </Layout.Sider>
        <Layout className="cc-main">
          <Layout.Content className="cc-content">
            <VisibleModules.Provider value={modules}>
              <Routes>
                {modules.map((m) => (
                  <Route key={m.key} path={m.path === '' ? '/' : `/${m.path}`} element={m.element} />
                ))}
                <Route
                  path="*"
                  element={<Result status="404" title={t('common.notFound')} subTitle={t('common.notFoundHint')} />}
                />
              </Routes>
            </VisibleModules.Provider>
          </Layout.Content>
          <Layout.Footer className="cc-footer">
            {t('footer.owner', { county: site.county.name })} · {t('app.name')} v{site.version} ·{' '}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              {t('footer.apiDocs')}
            </a>
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
