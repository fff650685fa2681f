/**
 * 驾驶舱: the figures of a place within the viewer's scope over a period (GET /api/cockpit), one card per
 * panel in the server's order, the map of its areas, and the big-screen links. The place and the period
 * live in the URL, so a ranking's bar or a map's area opens the child place's cockpit and Back returns.
 */
import { Card, Col, DatePicker, Row, Segmented, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CockpitAnswer } from '../../../../src/server/cockpit/cockpit.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { type CockpitMap, MapView } from './MapView';
import { PanelCard, useRowLink } from './PanelCard';
import { ReportButton } from './ReportButton';
import { DAY, type Period, PRESETS, type Preset, periodFromQuery, presetOf, presetPeriod } from './period';
import { ScreensTab } from './ScreensTab';

function MapCard({ place, period, open }: { place: string; period: Period; open: (code: string) => void }) {
  const map = useLoad(
    () => api.get<CockpitMap>('/api/cockpit/map', { place, ...period }),
    [place, period.from, period.to],
  );
  return (
    <Card size="small" data-testid="cockpit-map-card">
      <ErrorAlert error={map.error} onRetry={map.reload} />
      {!map.data && map.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {map.data && <MapView data={map.data} onArea={open} />}
    </Card>
  );
}

function Panels({ place, period }: { place: string; period: Period }) {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const answer = useLoad(
    () => api.get<CockpitAnswer>('/api/cockpit', { place, ...period }),
    [place, period.from, period.to],
  );
  const placeLink = useCallback(
    (code: string) => {
      const q = new URLSearchParams(params);
      q.set('place', code);
      q.delete('tab');
      return `/cockpit?${q.toString()}`;
    },
    [params],
  );
  const rowLink = useRowLink(placeLink);
  const data = answer.data;
  const panels = data ? [...data.panels].sort((a, b) => a.order - b.order) : [];
  return (
    <>
      <ErrorAlert error={answer.error} onRetry={answer.reload} />
      {!data && answer.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <Typography.Paragraph className="cc-ck-muted" data-testid="cockpit-periods">
          <Typography.Text strong>{data.place.name}</Typography.Text> ·{' '}
          {t('ck.periodIs', { from: data.period.from, to: data.period.to })} ·{' '}
          {t('ck.compareHint', {
            pfrom: data.previous.from,
            pto: data.previous.to,
            lfrom: data.lastYear.from,
            lto: data.lastYear.to,
          })}{' '}
          ·{' '}
          {t('ck.generatedAt', {
            time: new Date(data.generatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }),
          })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {data && (
          <Col span={24}>
            <MapCard place={data.place.code} period={period} open={(code) => navigate(placeLink(code))} />
          </Col>
        )}
        {panels.map((p) => (
          <Col key={p.key} xs={24} xl={p.status === 'no_data' ? 8 : 24}>
            <PanelCard panel={p} rowLink={rowLink} />
          </Col>
        ))}
      </Row>
    </>
  );
}

export function CockpitPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const [params, setParams] = useSearchParams();
  const place = params.get('place') ?? roots[0];
  const period = periodFromQuery(params);
  const preset = presetOf(period);
  const tab = params.get('tab') === 'screens' && can('cockpit.screens') ? 'screens' : 'panels';
  const update = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    setParams(q);
  };
  const choosePreset = (p: Preset | 'custom') => {
    if (p !== 'custom') update(presetPeriod(p) as unknown as Record<string, string>);
  };

  return (
    <>
      <PageTitle title={t('menu.cockpit')} hint={t('ck.hint')} />
      <Tabs
        className="cc-ck-tabs"
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'screens' ? 'screens' : null })}
        items={[
          {
            key: 'panels',
            label: t('ck.tabPanels'),
            children: (
              <>
                <Card size="small" style={{ marginBottom: 12 }}>
                  <Space wrap size={16}>
                    <Space>
                      <label htmlFor="cockpit-place">{t('ck.place')}</label>
                      <DivisionPicker
                        rootCodes={roots}
                        value={place}
                        onChange={(c) => update({ place: c })}
                        style={{ width: 240 }}
                        id="cockpit-place"
                      />
                    </Space>
                    <Space wrap>
                      <span>{t('ck.period')}</span>
                      <Segmented
                        value={preset}
                        onChange={(v) => choosePreset(v as Preset | 'custom')}
                        options={[...PRESETS, 'custom' as const].map((p) => ({ value: p, label: t(`ck.${p}`) }))}
                        data-testid="cockpit-preset"
                      />
                      <DatePicker.RangePicker
                        value={[dayjs(period.from, DAY), dayjs(period.to, DAY)]}
                        onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format(DAY), to: v[1].format(DAY) })}
                        allowClear={false}
                        aria-label={t('ck.custom')}
                      />
                    </Space>
                    <ReportButton place={place} />
                  </Space>
                </Card>
                <Panels key={place} place={place} period={period} />
              </>
            ),
          },
          ...(can('cockpit.screens')
            ? [{ key: 'screens', label: t('ck.tabScreens'), children: <ScreensTab roots={roots} /> }]
            : []),
        ]}
      />
    </>
  );
}
