/** An SVG map (no tiles): an outline, coloured areas (grids), labelled points; clicks report lng/lat or an area. */
import { type CSSProperties, type MouseEvent, useMemo, useRef } from 'react';
import { type AreaGeometry, fitProjection, labelPoint, type LngLat, pathOf, ringsOf } from './geo';
import { fitTiledProjection, type MapTiles, type TiledProjection } from './tiles';

export interface MapArea {
  id: string;
  geometry: AreaGeometry;
  fill: string;
  title?: string;
  label?: string;
  /** Drawn with a dashed border (e.g. 示意范围（合成） synthetic grids). */
  dashed?: boolean;
}

export interface MapPoint {
  id: string;
  at: LngLat;
  label?: string;
  color?: string;
}

interface Props {
  outline?: AreaGeometry | null;
  areas?: MapArea[];
  points?: MapPoint[];
  selectedId?: string | null;
  onAreaClick?: (id: string) => void;
  onMapClick?: (at: LngLat) => void;
  /** Fit the view to these instead of everything drawn. */
  fitTo?: LngLat[];
  style?: CSSProperties;
  className?: string;
  testId?: string;
  ariaLabel?: string;
  showLabels?: boolean;
  /** 天地图 tiles underneath, when the installation has a key (else offline vector layers only). */
  tiles?: MapTiles | null;
}

export function GeoMap({
  outline,
  areas = [],
  points = [],
  selectedId,
  onAreaClick,
  onMapClick,
  fitTo,
  style,
  className,
  testId,
  ariaLabel,
  showLabels,
  tiles,
}: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const proj = useMemo(() => {
    const all: LngLat[] = fitTo?.length
      ? fitTo
      : [
          ...(outline ? ringsOf(outline).flat() : []),
          ...areas.flatMap((a) => ringsOf(a.geometry).flat()),
          ...points.map((p) => p.at),
        ];
    return tiles ? fitTiledProjection(all, tiles) : fitProjection(all);
  }, [outline, areas, points, fitTo, tiles]);
  if (!proj) return <svg className={className} style={style} data-testid={testId} aria-label={ariaLabel} />;

  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (!onMapClick || !svg.current) return;
    const ctm = svg.current.getScreenCTM();
    if (!ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const [lng, lat] = proj.invert(pt.x, pt.y);
    onMapClick([Number(lng.toFixed(6)), Number(lat.toFixed(6))]);
  };
  const r = proj.width / 80;
  const fontSize = proj.width / 62;

  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${proj.width} ${proj.height.toFixed(0)}`}
      preserveAspectRatio="xMidYMid meet"
      className={className}
      style={{
        width: '100%',
        display: 'block',
        background: '#f4f8fb',
        cursor: onMapClick ? 'crosshair' : undefined,
        ...style,
      }}
      onClick={click}
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
    >
      {'tiles' in proj &&
        (proj as TiledProjection).tiles.map((t) => (
          <image
            key={t.href}
            href={t.href}
            x={t.x}
            y={t.y}
            width={t.size}
            height={t.size}
            onError={(e) => {
              e.currentTarget.style.display = 'none';
            }}
          />
        ))}
      {outline && (
        <path
          d={pathOf(outline, proj)}
          fill={tiles ? 'none' : '#fdfdf8'}
          stroke="#8c8c8c"
          strokeWidth={proj.width / 400}
        />
      )}
      {areas.map((a) => (
        <path
          key={a.id}
          d={pathOf(a.geometry, proj)}
          fill={a.fill}
          fillOpacity={0.75}
          stroke={a.id === selectedId ? '#b7141b' : '#ffffff'}
          strokeWidth={a.id === selectedId ? proj.width / 250 : proj.width / 900}
          strokeDasharray={a.dashed && a.id !== selectedId ? `${proj.width / 300} ${proj.width / 400}` : undefined}
          onClick={
            onAreaClick
              ? (e) => {
                  e.stopPropagation();
                  onAreaClick(a.id);
                }
              : undefined
          }
          style={{ cursor: onAreaClick ? 'pointer' : undefined }}
          data-area={a.id}
        >
          {a.title && <title>{a.title}</title>}
        </path>
      ))}
      {showLabels &&
        areas.map((a) => {
          if (!a.label) return null;
          const [x, y] = proj.project(labelPoint(a.geometry));
          return (
            <text
              key={`l${a.id}`}
              x={x}
              y={y}
              fontSize={fontSize}
              textAnchor="middle"
              fill="#262626"
              pointerEvents="none"
            >
              {a.label}
            </text>
          );
        })}
      {points.map((p) => {
        const [x, y] = proj.project(p.at);
        return (
          <g key={p.id} data-point={p.id} pointerEvents="none">
            <circle cx={x} cy={y} r={r * 1.8} fill={p.color ?? '#b7141b'} fillOpacity={0.18} />
            <circle cx={x} cy={y} r={r} fill={p.color ?? '#b7141b'} stroke="#fff" strokeWidth={r / 3} />
            {p.label && (
              <text
                x={x + r * 1.6}
                y={y - r * 1.2}
                fontSize={fontSize * 1.8}
                fill="#262626"
                stroke="#fff"
                strokeWidth={fontSize / 5}
                paintOrder="stroke"
              >
                {p.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
