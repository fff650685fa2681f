/**
 * Where a thing stands, picked on the map (the grids of the chosen place, 天地图 tiles when a key is
 * set) and shown as a place name (镇 · 村 · 网格 · 楼栋); typing longitude and latitude is the
 * "advanced" fallback. A form control: value and onChange carry WGS-84 [lng, lat].
 */
import { Collapse, InputNumber, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../shared/api';
import { GeoMap, type MapArea } from '../../shared/GeoMap';
import { type GridCollection, type LngLat, loadCountyOutline, ringsOf } from '../../shared/geo';
import { useLoad } from '../../shared/useLoad';
import { usePlaceName } from '../../shared/usePlaceName';
import { useI18n } from '../i18n';
import { useSite } from '../session';

interface Props {
  value?: LngLat | null;
  onChange?: (at: LngLat) => void;
  /** Zoom to the grids of this place (a village, a town) when given. */
  scope?: string;
  testId?: string;
}

export function PointPicker({ value, onChange, scope, testId = 'point-picker' }: Props) {
  const { t } = useI18n();
  const site = useSite();
  const outline = useLoad(() => loadCountyOutline(site.county.code), [site.county.code]);
  const grids = useLoad(
    () => (scope ? api.get<GridCollection>('/api/grids/map', { scope }) : Promise.resolve(null)),
    [scope],
  );
  const areas = useMemo<MapArea[]>(
    () =>
      (grids.data?.features ?? [])
        .filter((f) => f.geometry)
        .map((f) => ({ id: f.properties.code, geometry: f.geometry!, fill: '#e6f4ff', title: f.properties.name })),
    [grids.data],
  );
  const fitTo = useMemo(() => areas.flatMap((a) => ringsOf(a.geometry).flat()), [areas]);
  const name = usePlaceName(value ?? null);
  const set = (lng: number | null, lat: number | null) => {
    if (lng !== null && lat !== null) onChange?.([lng, lat]);
  };
  return (
    <div data-testid={testId}>
      <GeoMap
        outline={outline.data ?? null}
        areas={areas}
        fitTo={fitTo.length ? fitTo : undefined}
        points={value ? [{ id: 'here', at: value }] : []}
        onMapClick={(at) => onChange?.(at)}
        tiles={site.mapTiles}
        style={{ maxHeight: 300 }}
        testId={`${testId}-map`}
        ariaLabel={t('point.mapLabel')}
      />
      <Typography.Text type={value ? undefined : 'secondary'} data-testid={`${testId}-place`}>
        {!value ? t('point.clickMap') : name === null ? '…' : name === '' ? t('point.outside') : name}
      </Typography.Text>
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'advanced',
            label: t('point.advanced'),
            children: (
              <Space wrap>
                <InputNumber
                  aria-label={t('point.lng')}
                  addonBefore={t('point.lng')}
                  value={value?.[0]}
                  step={0.0001}
                  precision={6}
                  onChange={(v) => set(v, value?.[1] ?? null)}
                  data-testid={`${testId}-lng`}
                />
                <InputNumber
                  aria-label={t('point.lat')}
                  addonBefore={t('point.lat')}
                  value={value?.[1]}
                  step={0.0001}
                  precision={6}
                  onChange={(v) => set(value?.[0] ?? null, v)}
                  data-testid={`${testId}-lat`}
                />
                <Typography.Text type="secondary">WGS-84</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
