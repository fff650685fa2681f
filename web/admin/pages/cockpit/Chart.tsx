/**
 * One ECharts chart of the cockpit (bars, lines, the map), loaded only when the cockpit or the big
 * screen draws it: the console's other pages and the resident app never fetch ECharts for it.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export interface ChartProps {
  option: echarts.EChartsCoreOption;
  /** A GeoJSON to register under `map.name` before drawing (the map panel). */
  map?: { name: string; geoJson: object };
  /** A click on a bar, a point or an area: its data item's name (a code) and index. */
  onClick?: (name: string, index: number) => void;
  dark?: boolean;
  style?: CSSProperties;
  label: string;
  testId?: string;
}

export default function Chart({ option, map, onClick, dark, style, label, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!el.current) return;
    if (map) echarts.registerMap(map.name, map.geoJson as Parameters<typeof echarts.registerMap>[1]);
    const chart = echarts.init(el.current, dark ? 'dark' : undefined);
    chart.setOption(dark ? { backgroundColor: 'transparent', ...option } : option);
    chart.on('click', (p) => {
      const item = p as { name?: string; dataIndex?: number; data?: { code?: string } };
      const name = item.data?.code ?? item.name;
      if (name !== undefined) click.current?.(String(name), item.dataIndex ?? -1);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, map, dark]);
  return (
    <div ref={el} role="img" aria-label={label} style={{ width: '100%', height: 240, ...style }} data-testid={testId} />
  );
}
