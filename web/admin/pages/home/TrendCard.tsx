/**
 * The region's last 30 days (GET /api/indicators/trend, the indicators module's figures): cases
 * received and closed, the on-time and satisfaction rates, each with a line per day. ECharts is loaded
 * only here, after the page has painted.
 */
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Trend } from '../../../../src/server/modules/indicators/indicators.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { type MessageKey, useI18n } from '../../i18n';
import { useSite } from '../../session';

const Sparkline = lazy(() => import('./Sparkline'));

type Figure = 'received' | 'closed' | 'onTimeRate' | 'satisfactionRate';
const FIGURES: { key: Figure; label: MessageKey; color: string; rate: boolean }[] = [
  { key: 'received', label: 'today.received', color: '#1d5fb8', rate: false },
  { key: 'closed', label: 'today.closed', color: '#389e0d', rate: false },
  { key: 'onTimeRate', label: 'today.onTime', color: '#b7141b', rate: true },
  { key: 'satisfactionRate', label: 'today.satisfaction', color: '#d48806', rate: true },
];

function FigureTile({ title, value, chart }: { title: string; value: ReactNode; chart: ReactNode }) {
  return (
    <div className="cc-trend-tile">
      <Statistic title={title} value={value as string} />
      {chart}
    </div>
  );
}

export function TrendCard() {
  const { t } = useI18n();
  const site = useSite();
  const trend = useLoad(() => api.get<Trend>('/api/indicators/trend'), []);
  const data = trend.data;
  const dates = useMemo(() => data?.days.map((d) => d.date) ?? [], [data]);
  const series = useMemo(
    () => Object.fromEntries(FIGURES.map((f) => [f.key, data?.days.map((d) => d[f.key]) ?? []])),
    [data],
  );
  return (
    <Card
      size="small"
      data-testid="trend-card"
      title={t(data?.departments ? 'today.trendDept' : 'today.trendTitle', {
        place: data?.scopeName ?? site.county.name,
      })}
      extra={<Link to="/indicators">{t('today.more')}</Link>}
    >
      <ErrorAlert error={trend.error} onRetry={trend.reload} />
      {!data && trend.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {data && (
        <Row gutter={[16, 16]}>
          {FIGURES.map((f) => {
            const total = data.total[f.key];
            const value = total === null ? t('today.noRate') : f.rate ? `${total}%` : total;
            return (
              <Col key={f.key} xs={12} xl={6}>
                <FigureTile
                  title={t(f.label)}
                  value={value}
                  chart={
                    <Suspense fallback={<div style={{ height: 48 }} />}>
                      <Sparkline
                        dates={dates}
                        values={series[f.key]}
                        color={f.color}
                        unit={f.rate ? '%' : ''}
                        testId={`spark-${f.key}`}
                      />
                    </Suspense>
                  }
                />
              </Col>
            );
          })}
        </Row>
      )}
      {data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('today.trendHint')} · {dates[0]} – {dates.at(-1)}
        </Typography.Text>
      )}
    </Card>
  );
}
