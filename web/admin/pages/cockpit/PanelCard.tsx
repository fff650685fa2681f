/**
 * One panel of the cockpit: its figures, its rankings (bars; a click opens that place's cockpit or the
 * records behind the row; a table of links for keyboards and screen readers) and its series (lines).
 * A module with no records here reads 尚无数据, never a zero.
 */
import { Card, Col, Empty, Row, Segmented, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CockpitPanel, CockpitRanking } from '../../../../src/server/cockpit/cockpit.schema';
import { useI18n } from '../../i18n';
import { consolePath, FigureTile } from './Figures';
import { formatNumber } from './format';
import { rankingHeight, rankingOption, seriesOption } from './options';

const Chart = lazy(() => import('./Chart'));

/** Where a ranking's row leads: a division's own cockpit, or else the records behind it. */
export type RowLink = (ranking: CockpitRanking, row: CockpitRanking['rows'][number]) => string | undefined;

const DIVISIONS: readonly string[] = ['town', 'village'];

export function useRowLink(placeLink: (code: string) => string): RowLink {
  return (ranking, row) =>
    DIVISIONS.includes(ranking.by) ? placeLink(row.code) : row.drill ? consolePath(row.drill) : undefined;
}

function RankingView({ ranking, rowLink }: { ranking: CockpitRanking; rowLink: RowLink }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const label = pick(ranking.label.zh, ranking.label.en);
  const title = t('ck.rankingOf', { label, by: t(`ck.by.${ranking.by}`) });
  const option = useMemo(() => rankingOption(ranking), [ranking]);
  const testId = `rank-${ranking.key}`;
  return (
    <div className="cc-ck-ranking" data-testid={testId}>
      <div className="cc-ck-ranking-head">
        <Typography.Text strong>{title}</Typography.Text>
        {ranking.rows.length > 0 && (
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              { value: 'chart', label: t('ck.chart') },
              { value: 'table', label: t('ck.table') },
            ]}
            data-testid={`${testId}-view`}
          />
        )}
      </div>
      {ranking.rows.length === 0 ? (
        <span className="cc-ck-muted">{t('ck.emptyRanking')}</span>
      ) : view === 'chart' ? (
        <Suspense fallback={<div style={{ height: rankingHeight(ranking.rows.length) }} />}>
          <Chart
            option={option}
            label={t('ck.chartHint', { label: title })}
            style={{ height: rankingHeight(ranking.rows.length) }}
            onClick={(_code, i) => {
              const row = ranking.rows[i];
              const to = row && rowLink(ranking, row);
              if (to) navigate(to);
            }}
            testId={`${testId}-chart`}
          />
        </Suspense>
      ) : (
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={ranking.rows.map((r, i) => ({ ...r, rank: i + 1 }))}
          scroll={{ y: 320 }}
          columns={[
            { title: t('ck.rank'), dataIndex: 'rank', width: 56 },
            {
              title: t('ck.name'),
              dataIndex: 'name',
              render: (name: string, row) => {
                const to = rowLink(ranking, row);
                return to ? (
                  <Link to={to} data-testid={`${testId}-row-${row.code}`}>
                    {name}
                  </Link>
                ) : (
                  name
                );
              },
            },
            {
              title: t('ck.value'),
              dataIndex: 'value',
              align: 'right',
              render: (v: number | null) => formatNumber(v, ranking.unit),
            },
          ]}
        />
      )}
    </div>
  );
}

export function PanelCard({ panel, rowLink }: { panel: CockpitPanel; rowLink: RowLink }) {
  const { t, pick } = useI18n();
  const names = useMemo(() => panel.series.map((s) => pick(s.label.zh, s.label.en)), [panel.series, pick]);
  const lines = useMemo(() => seriesOption(panel.series, names), [panel.series, names]);
  const title = pick(panel.title.zh, panel.title.en);
  if (panel.status === 'no_data')
    return (
      <Card size="small" title={title} className="cc-ck-panel cc-ck-empty" data-testid={`panel-${panel.key}`}>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Text strong>{t('ck.noData')}</Typography.Text>
              <br />
              <span className="cc-ck-muted">{t('ck.noDataHint')}</span>
            </>
          }
        />
      </Card>
    );
  return (
    <Card size="small" title={title} className="cc-ck-panel" data-testid={`panel-${panel.key}`}>
      <Row gutter={[12, 12]}>
        {panel.figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xxl={6}>
            <FigureTile figure={f} testId={`fig-${f.key}`} />
          </Col>
        ))}
      </Row>
      {panel.rankings.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
          {panel.rankings.map((r) => (
            <Col key={r.key} xs={24} xl={12}>
              <RankingView ranking={r} rowLink={rowLink} />
            </Col>
          ))}
        </Row>
      )}
      {panel.series.length > 0 && (
        <Suspense fallback={<div style={{ height: 220 }} />}>
          <Chart
            option={lines}
            label={names.join('、')}
            style={{ height: 220, marginTop: 12 }}
            testId={`series-${panel.key}`}
          />
        </Suspense>
      )}
    </Card>
  );
}
