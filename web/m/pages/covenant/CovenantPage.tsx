/**
 * 我的村规民约: the version in force of the resident's village, article by article with its number and
 * chapter, in large text (a size switch on top: many readers are elderly villagers on a small phone).
 */
import { DotLoading, ErrorBlock, NavBar, Selector } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MyCovenant } from '../../../shared/covenants';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

const SIZES = { normal: 18, large: 22, huge: 26 } as const;
type Size = keyof typeof SIZES;

export function CovenantPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [size, setSize] = useState<Size>('large');
  const mine = useLoad(() => api.get<MyCovenant>('/api/covenants/mine'), []);
  const c = mine.data;
  const px = SIZES[size];
  return (
    <div className="cc-m-page" data-testid="m-covenant">
      <NavBar onBack={() => navigate('/')} className="cc-m-nav">
        {t('cov.m.title')}
      </NavBar>
      {mine.loading && !c && <DotLoading />}
      {mine.error !== null && <ErrorBlock status="default" description={errorMessage(mine.error)} />}
      {c && !c.version && <ErrorBlock status="empty" description={t('cov.m.none')} />}
      {c?.version && (
        <article style={{ padding: '8px 16px 32px', lineHeight: 1.7 }}>
          <h1 style={{ fontSize: px + 4, margin: '8px 0 4px' }}>{c.title}</h1>
          <p style={{ color: '#555', fontSize: px - 4, margin: 0 }}>
            {t('cov.m.since', { label: c.version.label, date: c.version.adoptedOn })}
          </p>
          <div role="group" aria-label={t('cov.m.size')} style={{ margin: '8px 0' }}>
            <Selector
              options={(['normal', 'large', 'huge'] as const).map((s) => ({ label: t(`cov.m.${s}`), value: s }))}
              value={[size]}
              onChange={(v) => v[0] && setSize(v[0])}
            />
          </div>
          {c.articles.map((a, i) => (
            <section key={a.number} data-testid={`m-article-${a.number}`}>
              {a.chapter && a.chapter !== c.articles[i - 1]?.chapter && (
                <h2 style={{ fontSize: px + 2, margin: '20px 0 8px', textAlign: 'center' }}>{a.chapter}</h2>
              )}
              <p style={{ fontSize: px, margin: '0 0 14px', color: '#111' }}>
                <strong>{t('cov.m.article', { n: a.number })}</strong> {a.body}
                {(a.maxTables || a.maxDays) && (
                  <span style={{ display: 'block', color: '#a23', fontSize: px - 2 }}>
                    {t('cov.m.limits', { tables: a.maxTables ?? '—', days: a.maxDays ?? '—' })}
                  </span>
                )}
              </p>
            </section>
          ))}
        </article>
      )}
    </div>
  );
}
