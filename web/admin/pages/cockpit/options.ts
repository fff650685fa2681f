/** The ECharts options of the cockpit's charts, from the server's rankings, series and map (pure). */
import type { CockpitRanking, CockpitSeries } from '../../../../src/server/cockpit/cockpit.schema';
import { formatNumber } from './format';

const RED = '#b7141b';
const BLUE = '#1d5fb8';

export interface MapFeatureProps {
  code: string;
  name: string;
  reports: number;
  overdue: number;
}

/** Horizontal bars, best first at the top; each bar's data item keeps its code for the click. */
export function rankingOption(r: CockpitRanking, opts: { dark?: boolean; fontSize?: number } = {}) {
  const rows = r.rows;
  const fontSize = opts.fontSize ?? 12;
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; value: number | null }) => `${p.name}：${formatNumber(p.value, r.unit)}`,
    },
    xAxis: { type: 'value', show: false, max: r.unit === 'percent' ? 100 : undefined },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((x) => x.name),
      axisTick: { show: false },
      axisLabel: { fontSize, width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((x) => ({ value: x.value, code: x.code })),
        itemStyle: { color: opts.dark ? '#ff7875' : RED, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize,
          formatter: (p: { value: number | null }) => formatNumber(p.value, r.unit),
        },
        cursor: 'pointer',
      },
    ],
  };
}

/** A chart's height for a ranking: room for every row, within bounds. */
export const rankingHeight = (rows: number, rowPx = 26) => Math.max(120, Math.min(rows, 15) * rowPx + 24);

/** Lines per day (or month) for the series of a panel, one colour each. */
export function seriesOption(series: CockpitSeries[], names: string[], opts: { dark?: boolean } = {}) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const colors = [RED, BLUE, '#389e0d', '#d48806', '#722ed1'];
  return {
    animation: false,
    color: opts.dark ? ['#ff7875', '#69b1ff', '#95de64', '#ffd666', '#b37feb'] : colors,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: names },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', min: 0 },
    series: series.map((s, i) => {
      const byDate = new Map(s.points.map((p) => [p.date, p.value]));
      return {
        name: names[i],
        type: 'line',
        smooth: true,
        connectNulls: true,
        showSymbol: dates.length <= 31,
        data: dates.map((d) => byDate.get(d) ?? null),
      };
    }),
  };
}

/** The heat of reports or overdue cases per area, areas matched by their code. */
export function mapOption(
  mapName: string,
  features: MapFeatureProps[],
  measure: 'reports' | 'overdue',
  opts: { dark?: boolean; seriesName: string; fontSize?: number },
) {
  const max = Math.max(1, ...features.map((f) => f[measure] ?? 0));
  const names = new Map(features.map((f) => [f.code, f.name]));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) =>
        `${names.get(p.name) ?? p.name}：${Number.isFinite(p.value) ? p.value.toLocaleString('en-US') : '—'}`,
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      inRange: { color: measure === 'overdue' ? ['#fff1f0', '#a8071a'] : ['#e6f4ff', '#003eb3'] },
      textStyle: { color: opts.dark ? '#ddd' : '#333' },
    },
    series: [
      {
        name: opts.seriesName,
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        roam: true,
        left: 72,
        right: 8,
        top: 8,
        bottom: 8,
        label: {
          show: features.length <= 40,
          fontSize: opts.fontSize ?? 12,
          color: opts.dark ? '#fff' : '#1f1f1f',
          backgroundColor: opts.dark ? 'rgba(0,0,0,0.45)' : 'rgba(255,255,255,0.8)',
          padding: [1, 3],
          borderRadius: 2,
          formatter: (p: { name: string }) => names.get(p.name) ?? '',
        },
        emphasis: { label: { show: true } },
        itemStyle: { borderColor: opts.dark ? '#555' : '#fff', borderWidth: 1 },
        data: features.map((f) => ({ name: f.code, value: f[measure] ?? 0 })),
      },
    ],
  };
}
