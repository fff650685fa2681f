/** 网格地图: the grids of a division drawn as SVG (over 天地图 tiles when a key is configured), coloured by coverage; click a grid for its figures. */
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { coverageColor, type GridCollection, loadCountyOutline, ringsOf } from '../../../shared/geo';
import { GeoMap, type MapArea } from '../../../shared/GeoMap';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { PercentBar } from '../coverage/CoveragePage';

const LEGEND: [number | null, string][] = [
  [98, '≥ 98%'],
  [95, '95–98%'],
  [90, '90–95%'],
  [80, '80–90%'],
  [0, '< 80%'],
];

export function GridMapPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const [scope, setScope] = useState(roots[0]);
  const [selected, setSelected] = useState<string | null>(null);
  const map = useLoad(() => api.get<GridCollection>('/api/grids/map', { scope }), [scope]);
  const outline = useLoad(() => loadCountyOutline(site.county.code), [site.county.code]);
  const features = useMemo(() => (map.data?.features ?? []).filter((f) => f.geometry), [map.data]);
  const areas = useMemo<MapArea[]>(
    () =>
      features.map((f) => ({
        id: f.properties.code,
        geometry: f.geometry!,
        fill: coverageColor(f.properties.percent),
        dashed: f.properties.synthetic,
        label: f.properties.name.replace(/^.*?(第\d+网格)$/, '$1'),
        title: `${f.properties.name}${f.properties.synthetic ? ` · ${t('map.synthetic')}` : ''} · ${f.properties.percent ?? '—'}%`,
      })),
    [features, t],
  );
  const fitTo = useMemo(() => areas.flatMap((a) => ringsOf(a.geometry).flat()), [areas]);
  const grid = features.find((f) => f.properties.code === selected)?.properties;
  const anySynthetic = features.some((f) => f.properties.synthetic);

  return (
    <>
      <PageTitle
        title={t('menu.gridMap')}
        hint={t('map.hint')}
        extra={
          <DivisionPicker
            rootCodes={roots}
            value={scope}
            onChange={(c) => {
              setScope(c);
              setSelected(null);
            }}
            style={{ width: 280 }}
          />
        }
      />
      {!site.mapTiles && <Alert type="info" showIcon title={t('map.noTiles')} style={{ marginBottom: 12 }} />}
      <ErrorAlert error={map.error} onRetry={map.reload} />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={map.data ? t('map.grids', { n: features.length }) : ' '}
            styles={{ body: { padding: 8 } }}
          >
            <Spin spinning={map.loading}>
              {features.length === 0 && !map.loading ? (
                <Empty description={t('map.noGrids')} style={{ padding: 48 }} />
              ) : (
                <GeoMap
                  outline={outline.data ?? null}
                  areas={areas}
                  fitTo={fitTo}
                  selectedId={selected}
                  onAreaClick={setSelected}
                  showLabels={areas.length <= 40}
                  style={{ maxHeight: 640, minHeight: 320 }}
                  testId="grid-map"
                  tiles={site.mapTiles}
                  ariaLabel={t('menu.gridMap')}
                />
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={grid ? grid.name : t('map.pick')}
            style={{ marginBottom: 12 }}
            data-testid="grid-figures"
          >
            {grid ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('col.code')}>
                  <Typography.Text code copyable>
                    {grid.code}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('coverage.households')}>{grid.households}</Descriptions.Item>
                <Descriptions.Item label={t('coverage.covered')}>{grid.covered}</Descriptions.Item>
                <Descriptions.Item label={t('coverage.uncovered')}>{grid.households - grid.covered}</Descriptions.Item>
                <Descriptions.Item label={t('coverage.percent')}>
                  <PercentBar percent={grid.percent} />
                </Descriptions.Item>
                {grid.synthetic && (
                  <Descriptions.Item label={t('map.legend')}>
                    <Tag color="orange">{t('map.synthetic')}</Tag>
                  </Descriptions.Item>
                )}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('map.pick')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('map.legend')}>
            <Space orientation="vertical" size={4}>
              {LEGEND.map(([p, text]) => (
                <span key={text}>
                  <span className="cc-swatch" style={{ background: coverageColor(p) }} />
                  {t('coverage.percent')} {text}
                </span>
              ))}
              <span>
                <span className="cc-swatch" style={{ background: coverageColor(null) }} />
                {t('map.noData')}
              </span>
              {anySynthetic && (
                <span>
                  <span className="cc-swatch cc-swatch-dashed" />
                  {t('map.synthetic')}
                </span>
              )}
            </Space>
            {anySynthetic && <Alert type="warning" showIcon style={{ marginTop: 10 }} title={t('map.syntheticHint')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
