/**
 * The heat map of a place's areas (towns, villages or grids): reports or overdue cases per area from
 * GET /api/cockpit/map, drawn offline from the server's GeoJSON (no tiles); a click opens an area's cockpit.
 */
import { Empty, Segmented, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Static } from 'typebox';
import type { CockpitMapAnswer } from '../../../../src/server/cockpit/cockpit.schema';
import { useI18n } from '../../i18n';
import { mapOption } from './options';

const Chart = lazy(() => import('./Chart'));

/** The answer of GET /api/cockpit/map and of the big screen's map. */
export type CockpitMap = Static<typeof CockpitMapAnswer>;

export function MapView({
  data,
  onArea,
  dark,
  height = 420,
  fontSize,
}: {
  data: CockpitMap;
  onArea?: (code: string) => void;
  dark?: boolean;
  height?: number;
  fontSize?: number;
}) {
  const { t } = useI18n();
  const [measure, setMeasure] = useState<'reports' | 'overdue'>('reports');
  const props = useMemo(() => data.features.features.map((f) => f.properties), [data]);
  // one registered map per place and answer: a refreshed answer redraws with its own shapes
  const map = useMemo(() => ({ name: `cockpit-${data.place.code}-${data.level}`, geoJson: data.features }), [data]);
  const seriesName = t(measure === 'reports' ? 'ck.mapReports' : 'ck.mapOverdue');
  const option = useMemo(
    () => mapOption(map.name, props, measure, { dark, seriesName, fontSize }),
    [map.name, props, measure, dark, seriesName, fontSize],
  );
  const title = t('ck.mapTitle', { place: data.place.name, level: t(`ck.level.${data.level}`) });
  return (
    <div className="cc-ck-map" data-testid="cockpit-map">
      <div className="cc-ck-ranking-head">
        {dark ? <h2>{title}</h2> : <Typography.Text strong>{title}</Typography.Text>}
        <Segmented
          size={dark ? 'middle' : 'small'}
          value={measure}
          onChange={(v) => setMeasure(v as typeof measure)}
          options={[
            { value: 'reports', label: t('ck.mapReports') },
            { value: 'overdue', label: t('ck.mapOverdue') },
          ]}
          data-testid="cockpit-map-measure"
        />
      </div>
      {props.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ck.mapEmpty')} />
      ) : (
        <Suspense fallback={<div style={{ height }} />}>
          <Chart
            option={option}
            map={map}
            dark={dark}
            label={`${title}：${seriesName}`}
            style={{ height }}
            onClick={onArea && data.level !== 'grid' ? (code) => onArea(code) : undefined}
            testId="cockpit-map-chart"
          />
        </Suspense>
      )}
      {!dark && (
        <span className="cc-ck-muted" style={{ fontSize: 12 }}>
          {t('ck.mapHint')}
        </span>
      )}
    </div>
  );
}
