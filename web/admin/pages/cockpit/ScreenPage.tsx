/**
 * The big screen (/admin/screen?token=…): a place's cockpit for a wall display, without sign-in — the
 * token alone (X-Screen-Token) reads this month's figures, rankings and map of its place, with no drill
 * links. Dark, laid out for 1920×1080, refreshed every 60 s with the time of the last refresh; once the
 * token is revoked (401) the screen says so in full and stops asking.
 */
import { ConfigProvider, Spin, Tag, theme } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CockpitAnswer, CockpitFigure, CockpitRanking } from '../../../../src/server/cockpit/cockpit.schema';
import { ApiError, errorMessage } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { useSite } from '../../session';
import { change, formatNumber, unitSuffix } from './format';
import { type CockpitMap, MapView } from './MapView';
import { rankingHeight, rankingOption, seriesOption } from './options';
import { presetPeriod } from './period';
import { screenGet } from './screen-api';
import { useUnitWords } from './words';

const Chart = lazy(() => import('./Chart'));

const REFRESH_MS = 60_000;
const MAX_FIGURES = 10;
const MAX_RANKINGS = 3;

interface Shown {
  answer: CockpitAnswer;
  map: CockpitMap;
  at: Date;
}

function BigFigure({ figure }: { figure: CockpitFigure }) {
  const { t, pick } = useI18n();
  const words = useUnitWords();
  const c = change(figure.value, figure.previous, figure.unit, words);
  const suffix = unitSuffix(figure.unit, words);
  const number = formatNumber(figure.value, figure.unit);
  return (
    <div className="cc-screen-figure" data-testid={`screen-fig-${figure.key}`}>
      <div className="cc-screen-figure-label">{pick(figure.label.zh, figure.label.en)}</div>
      <div className={`cc-screen-figure-value${number.length > 8 ? ' cc-screen-figure-long' : ''}`}>
        {number}
        {suffix && number !== '—' && <small> {suffix}</small>}
      </div>
      <div className="cc-screen-figure-change">
        {t('ck.vsPrevious')}{' '}
        {!c ? '—' : c.direction === 'flat' ? t('ck.flat') : `${c.arrow} ${t(`ck.${c.direction}`)} ${c.amount}`}
      </div>
    </div>
  );
}

function BigRanking({ ranking }: { ranking: CockpitRanking }) {
  const { t, pick } = useI18n();
  const shown = useMemo(() => ({ ...ranking, rows: ranking.rows.slice(0, 10) }), [ranking]);
  const option = useMemo(() => rankingOption(shown, { dark: true, fontSize: 16 }), [shown]);
  const title = t('ck.rankingOf', { label: pick(ranking.label.zh, ranking.label.en), by: t(`ck.by.${ranking.by}`) });
  return (
    <section className="cc-screen-box" data-testid={`screen-rank-${ranking.key}`}>
      <h2>{title}</h2>
      {ranking.rows.length === 0 ? (
        <p className="cc-screen-muted">{t('ck.emptyRanking')}</p>
      ) : (
        <Suspense fallback={null}>
          <Chart option={option} dark label={title} style={{ height: rankingHeight(shown.rows.length, 32) }} />
        </Suspense>
      )}
    </section>
  );
}

function Revoked() {
  const { t } = useI18n();
  return (
    <div className="cc-screen cc-screen-revoked" role="alert" data-testid="screen-revoked">
      <h1>{t('screen.revoked')}</h1>
      <p className="cc-screen-revoked-other">{t('screen.revokedEn')}</p>
      <p className="cc-screen-muted">{t('screen.revokedHint')}</p>
    </div>
  );
}

function Board({ shown, failed }: { shown: Shown; failed: unknown }) {
  const { t, pick, lang } = useI18n();
  const site = useSite();
  const { answer, map, at } = shown;
  const panels = [...answer.panels].sort((a, b) => a.order - b.order);
  const ready = panels.filter((p) => p.status === 'ready');
  const figures = ready.flatMap((p) => p.figures).slice(0, MAX_FIGURES);
  const rankings = ready.flatMap((p) => p.rankings).slice(0, MAX_RANKINGS);
  const withSeries = ready.find((p) => p.series.length > 0);
  const names = useMemo(() => withSeries?.series.map((s) => pick(s.label.zh, s.label.en)) ?? [], [withSeries, pick]);
  const lines = useMemo(
    () => (withSeries ? seriesOption(withSeries.series, names, { dark: true }) : null),
    [withSeries, names],
  );
  const empty = panels.filter((p) => p.status === 'no_data').map((p) => pick(p.title.zh, p.title.en));
  const time = at.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
  return (
    <div className="cc-screen" data-testid="screen-board">
      <header className="cc-screen-head">
        <h1>
          {t('screen.title', { place: answer.place.name })}
          {site.demo && (
            <Tag color="orange" className="cc-screen-demo">
              {t('screen.demo')}
            </Tag>
          )}
        </h1>
        <div className="cc-screen-meta">
          <span>{t('screen.period', { from: answer.period.from, to: answer.period.to })}</span>
          <span data-testid="screen-refreshed" className={failed ? 'cc-screen-stale' : undefined}>
            {failed
              ? `${t('screen.refreshFailed', { time })}（${errorMessage(failed)}）`
              : t('screen.refreshed', { time })}
          </span>
          <span className="cc-screen-muted">{t('screen.refreshEvery')}</span>
        </div>
      </header>
      <main className="cc-screen-body">
        <section className="cc-screen-figures" aria-label={t('ck.tabPanels')}>
          {figures.map((f) => (
            <BigFigure key={f.key} figure={f} />
          ))}
        </section>
        <section className="cc-screen-center">
          <div className="cc-screen-box">
            <MapView data={map} dark height={560} fontSize={14} />
          </div>
          {lines && withSeries && (
            <div className="cc-screen-box">
              <h2>{pick(withSeries.title.zh, withSeries.title.en)}</h2>
              <Suspense fallback={null}>
                <Chart option={lines} dark label={names.join('、')} style={{ height: 230 }} />
              </Suspense>
            </div>
          )}
        </section>
        <section className="cc-screen-rankings">
          {rankings.map((r) => (
            <BigRanking key={r.key} ranking={r} />
          ))}
        </section>
      </main>
      {empty.length > 0 && (
        <footer className="cc-screen-foot">
          {t('screen.noDataPanels', { names: empty.join(lang === 'en' ? ', ' : '、') })}
        </footer>
      )}
    </div>
  );
}

export default function ScreenPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [shown, setShown] = useState<Shown | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [revoked, setRevoked] = useState(false);

  const refresh = useCallback(async () => {
    const period = presetPeriod('thisMonth');
    try {
      const [answer, map] = await Promise.all([
        screenGet<CockpitAnswer>('/api/cockpit/screen', { ...period }, token),
        screenGet<CockpitMap>('/api/cockpit/screen/map', { ...period }, token),
      ]);
      setShown({ answer, map, at: new Date() });
      setFailed(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setRevoked(true);
      else setFailed(e);
    }
  }, [token]);

  useEffect(() => {
    if (!token || revoked) return;
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [token, revoked, refresh]);

  useEffect(() => {
    document.title = shown ? t('screen.title', { place: shown.answer.place.name }) : t('ck.bigScreen');
  }, [shown, t]);

  let content: React.ReactNode;
  if (!token)
    content = (
      <div className="cc-screen cc-screen-revoked">
        <h1>{t('screen.noToken')}</h1>
      </div>
    );
  else if (revoked) content = <Revoked />;
  else if (shown) content = <Board shown={shown} failed={failed} />;
  else if (failed)
    content = (
      <div className="cc-screen cc-screen-revoked" role="alert">
        <h1>{errorMessage(failed)}</h1>
      </div>
    );
  else
    content = (
      <div className="cc-screen cc-screen-revoked">
        <Spin size="large" tip={t('screen.loading')}>
          <div />
        </Spin>
      </div>
    );
  return <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>{content}</ConfigProvider>;
}
