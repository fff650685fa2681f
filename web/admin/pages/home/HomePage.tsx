/**
 * 首页: what waits for me today (the counts for my roles, each a link to its list), my region's last
 * 30 days, then who I am (roles and scopes) and the modules I may use.
 */
import { Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Grant } from '../../../shared/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useVisibleModules } from '../../layout/visible-modules';
import { useSession, useSite } from '../../session';
import { TodayCard } from './TodayCard';
import { TrendCard } from './TrendCard';

/** Today's date in China time, as the reader's language writes it (2026年12月4日星期五). */
const todayIs = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'full',
  }).format(new Date());

export function HomePage() {
  const { t, lang } = useI18n();
  const { me, roleLabel, departmentName, can } = useSession();
  const site = useSite();
  const modules = useVisibleModules().filter((m) => m.key !== 'home' && !m.hidden);

  return (
    <>
      <PageTitle
        title={t('home.welcome', { name: me.user.displayName })}
        hint={t('today.date', { date: todayIs(lang) })}
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TodayCard />
        </Col>
        {can('indicators.read') && (
          <Col span={24}>
            <TrendCard />
          </Col>
        )}
      </Row>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('today.aboutMe')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('home.myRoles')} size="small">
            <Table<Grant>
              size="small"
              rowKey={(g) => `${g.role}:${g.scopeCode}:${g.departmentCode ?? ''}`}
              pagination={false}
              dataSource={me.grants}
              locale={{ emptyText: t('home.noRoles') }}
              columns={[
                {
                  title: t('col.role'),
                  dataIndex: 'role',
                  render: (r: string) => <Tag color="red">{roleLabel(r)}</Tag>,
                },
                { title: t('col.scope'), dataIndex: 'scopeName' },
                {
                  title: t('col.scopeCode'),
                  dataIndex: 'scopeCode',
                  render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
                },
                {
                  title: t('col.department'),
                  dataIndex: 'departmentCode',
                  render: (c: string | null) => departmentName(c) || '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('home.installation')} size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('home.county')}>
                {site.county.name}（{site.county.code}）
              </Descriptions.Item>
              <Descriptions.Item label={t('home.version')}>{site.version}</Descriptions.Item>
              <Descriptions.Item label={t('home.mode')}>
                {site.demo ? (
                  <Tag color="orange">{t('demo.tag')}</Tag>
                ) : (
                  <Tag color="green">{t('home.production')}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('footer.apiDocs')}>
                <a href="/api/docs" target="_blank" rel="noreferrer">
                  /api/docs
                </a>{' '}
                ·{' '}
                <a href="/api/openapi.json" target="_blank" rel="noreferrer">
                  openapi.json
                </a>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      {can('cases.read') && (
        <Card title={t('home.cases')} size="small" style={{ marginTop: 16 }} data-testid="home-cases">
          {/* links that reproduce a filtered list (the filters live in the URL) */}
          <Space size="large" wrap>
            <Link to="/cases/all">{t('home.allCases')}</Link>
            <Link to="/cases/all?overdue=1&sort=deadline" data-testid="home-overdue">
              {t('home.overdueCases')}
            </Link>
            <Link to="/cases/all?state=received">{t('home.receivedCases')}</Link>
          </Space>
        </Card>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('home.modules')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {modules.map((m) => (
          <Col key={m.key} xs={24} sm={12} xl={8} xxl={6}>
            <Link to={`/${m.path}`}>
              <Card size="small" hoverable className="cc-module-card">
                <span className="cc-module-icon">{m.icon}</span>
                <div>
                  <Typography.Text strong>{t(m.label)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(m.hint)}
                  </Typography.Text>
                </div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
