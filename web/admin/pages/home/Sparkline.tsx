/** A small line of one figure per day (ECharts, loaded only when the home page draws it). */
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface SparklineProps {
  dates: string[];
  values: (number | null)[];
  color: string;
  /** How a value reads in the tooltip (12 → "12", 87.5 → "87.5%"). */
  unit?: string;
  testId?: string;
}

export default function Sparkline({ dates, values, color, unit = '', testId }: SparklineProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${v}${unit}`),
      },
      xAxis: { type: 'category', data: dates, show: false, boundaryGap: false },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        {
          type: 'line',
          data: values,
          connectNulls: true,
          symbol: 'none',
          smooth: true,
          lineStyle: { width: 2, color },
          areaStyle: { color, opacity: 0.12 },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [dates, values, color, unit]);
  return <div ref={el} style={{ width: '100%', height: 48 }} data-testid={testId} />;
}
