/** A bar chart of the share above the threshold per town (ECharts, loaded only with this page). */
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

export default function ShareChart({ title, bars }: { title: string; bars: { name: string; value: number }[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
      grid: { left: 40, right: 16, bottom: 80, top: 40 },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: '#c41d1d' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, bars]);
  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="econ-chart" />;
}
