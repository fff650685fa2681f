/** The console frame: header (product, user, roles, language, sign-out), side menu from capabilities, content. */
import { Layout, Menu, Result, type MenuProps } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { type MenuGroup, MENU_GROUPS } from '../console';
import { type MessageKey, useI18n } from '../i18n';
import { modulesFor } from '../modules';
import { useSession, useSite } from '../session';
import { ConsoleHeader } from './ConsoleHeader';
import { VisibleModules } from './visible-modules';

const GROUP_LABELS: Record<MenuGroup, MessageKey> = {
  work: 'menu.groupWork',
  cases: 'menu.groupCases',
  points: 'menu.groupPoints',
  cogovern: 'menu.groupCogovern',
  serve: 'menu.groupServe',
  beehive: 'menu.groupBeehive',
  evaluate: 'menu.groupEvaluate',
  economy: 'menu.groupEconomy', // #16 collective economy
  leaders: 'menu.groupLeaders', // #16
  admin: 'menu.groupAdmin',
};

export function ConsoleLayout() {
  const { t } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const navigate = useNavigate();
  const location = useLocation();
  const modules = modulesFor(me);
  const current = location.pathname.split('/')[1] ?? '';
  const menuAt = (path: string) => modules.find((m) => !m.hidden && m.path === path)?.key;
  // a page of its own below a first segment (cases/all) before the first segment's page
  const selected = menuAt(location.pathname.slice(1)) ?? menuAt(current) ?? (current === 'cases' ? 'triage' : 'home');

  const group = (g: MenuGroup, label: string) => {
    const items = modules
      .filter((m) => m.group === g && !m.hidden)
      .map((m) => ({ key: m.key, icon: m.icon, label: t(m.label) }));
    return items.length ? [{ type: 'group' as const, key: g, label, children: items }] : [];
  };
  const items: MenuProps['items'] = MENU_GROUPS.flatMap((g) => group(g, t(GROUP_LABELS[g])));

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
