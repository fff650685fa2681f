/**
 * 生活圈覆盖: per facility kind, homes and people within its walking distance in each village; the
 * uncovered homes and the facilities on a map; a click on the map asks what one new facility there
 * would cover; xlsx report; county officers import facilities (xlsx) and roads (GeoJSON) and set the detour factor.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { CIRCLE_LEVEL_LABELS } from '../../../../src/server/modules/circle/circle.labels';
import type { Coverage, Gaps, Uncovered, WhatIf } from '../../../../src/server/modules/circle/circle.schema';
import { api, errorMessage } from '../../../shared/api';
import { GeoMap, type MapPoint } from '../../../shared/GeoMap';
import { useLoad } from '../../../shared/useLoad';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

type Row = Coverage['rows'][number];
const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');

export function CoveragePage() {
  const { t, pick, lang } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const { message } = App.useApp();
  const { me } = useSession();
  const manage = me.capabilities.includes('circle.manage');
  const lists = me.grants.some((g) => ['village_officer', 'town_officer', 'county_officer'].includes(g.role));
  const [scope, setScope] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState('kindergarten');
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const [clicked, setClicked] = useState<[number, number] | null>(null);
  const cov = useLoad(() => api.get<Coverage>('/api/circle/coverage', { scope }), [scope]);
  const un = useLoad(() => api.get<Uncovered>('/api/circle/uncovered', { scope, kind, limit: 500 }), [scope, kind]);
  const facilities = useLoad(
    () =>
      api.get<{ items: { id: string; kindKey: string; name: string; lng: number; lat: number }[] }>(
        '/api/circle/facilities',
      ),
    [],
  );
  const gaps = useLoad(() => api.get<Gaps>('/api/circle/gaps', { scope }), [scope]);
  const listed = new Map((gaps.data?.items ?? []).map((g) => [`${g.villageCode}:${g.kindKey}`, g.problemId]));
  const listGap = async (r: Row) => {
    try {
      const res = await api.post<{ created: boolean }>('/api/circle/gaps/problem', {
        villageCode: r.villageCode,
        kind,
      });
      message.success(res.created ? t('circle.gapListed') : t('circle.gapAlready'));
      gaps.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const k = cov.data?.kinds.find((x) => x.key === kind);
  const rows = (cov.data?.rows ?? []).filter((r) => r.kindKey === kind);
  const points: MapPoint[] = [
    ...(un.data?.items ?? []).map((h) => ({
      id: h.code,
      at: [h.lng, h.lat] as [number, number],
      color: '#d4380d',
      label: h.compound ?? undefined,
    })),
    ...(facilities.data?.items ?? [])
      .filter((f) => f.kindKey === kind)
      .map((f) => ({ id: f.id, at: [f.lng, f.lat] as [number, number], color: '#389e0d', label: f.name })),
    ...(whatIf && clicked ? [{ id: 'what-if', at: clicked, color: '#1677ff', label: '+' }] : []),
  ];
  const ask = async ([lng, lat]: [number, number]) => {
    setClicked([lng, lat]);
    try {
      setWhatIf(await api.post<WhatIf>('/api/circle/what-if', { kind, lng, lat, scope }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const upload = (path: string, type: string, method: 'POST' | 'PUT') => async (file: File) => {
    try {
      const buf = await file.arrayBuffer();
      if (method === 'POST') await api.upload(path, buf, type);
      else
        await fetch(path, {
          method: 'PUT',
          body: buf,
          headers: { 'content-type': type, 'x-requested-with': 'cocreate' },
        }).then(async (r) => {
          if (!r.ok) throw new Error((await r.json()).message);
        });
      message.success(t('circle.imported'));
      cov.reload();
      un.reload();
      facilities.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };
  return (
    <>
      <PageTitle
        title={t('menu.circle')}
        hint={t('circle.hint')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              api
                .download('/api/circle/coverage.xlsx', { scope }, 'circle.xlsx')
                .catch((e) => message.error(errorMessage(e)))
            }
          >
            {t('circle.export')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('circle.scope')}
          allowClear
          onSearch={(v) => setScope(v.trim() || undefined)}
          style={{ width: 220 }}
          data-testid="circle-scope"
        />
        <Select
          value={kind}
          onChange={(v) => {
            setKind(v);
            setWhatIf(null);
          }}
          style={{ width: 260 }}
          data-testid="circle-kind"
          options={(cov.data?.kinds ?? []).map((x) => ({
            value: x.key,
            label: `${lang === 'en' ? x.nameEn : x.name} · ${x.walkM} m`,
          }))}
        />
        {k && (
          <Typography.Text type="secondary">
            {pl(CIRCLE_LEVEL_LABELS[k.level])} · {t('circle.facilities', { n: k.facilities })}
          </Typography.Text>
        )}
      </Space>
      {cov.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={cov.data.usesNetwork ? t('circle.network') : t('circle.detour', { f: cov.data.detourFactor })}
          description={
            cov.data.homesWithoutPoint ? t('circle.withoutPoint', { n: cov.data.homesWithoutPoint }) : undefined
          }
        />
      )}
      <Space align="start" wrap style={{ width: '100%' }}>
        <Table<Row>
          rowKey="villageCode"
          size="small"
          pagination={false}
          dataSource={rows}
          loading={cov.loading}
          style={{ minWidth: 520 }}
          data-testid="circle-table"
          columns={[
            { title: t('circle.village'), dataIndex: 'villageName' },
            { title: t('circle.homes'), dataIndex: 'homes', align: 'right' },
            {
              title: t('circle.covered'),
              dataIndex: 'covered',
              align: 'right',
              render: (v: number, r) => `${v} (${pct(v, r.homes)})`,
            },
            { title: t('circle.people'), dataIndex: 'people', align: 'right' },
            { title: t('circle.peopleCovered'), dataIndex: 'peopleCovered', align: 'right' },
            {
              title: t('circle.gap'),
              key: 'gap',
              render: (_: unknown, r) =>
                r.covered >= r.homes ? (
                  '—'
                ) : listed.get(`${r.villageCode}:${kind}`) ? (
                  <Typography.Text type="success">{t('circle.gapOnList')}</Typography.Text>
                ) : lists ? (
                  <Button size="small" data-testid={`circle-list-gap-${r.villageCode}`} onClick={() => listGap(r)}>
                    {t('circle.listGap')}
                  </Button>
                ) : (
                  t('circle.gapOpen', { n: r.homes - r.covered })
                ),
            },
          ]}
        />
        <Card size="small" title={t('circle.map', { n: un.data?.total ?? 0 })} style={{ width: 460 }}>
          <GeoMap
            points={points}
            onMapClick={ask}
            style={{ width: '100%', height: 340 }}
            testId="circle-map"
            showLabels
          />
          <Typography.Text type="secondary">{t('circle.clickHint')}</Typography.Text>
          {whatIf && (
            <Alert
              type="success"
              data-testid="circle-what-if"
              message={t('circle.whatIf', { homes: whatIf.homes, people: whatIf.people, m: whatIf.walkM })}
            />
          )}
          <div data-testid="circle-uncovered">
            {(un.data?.items ?? []).slice(0, 8).map((h) => (
              <div key={h.code}>
                {h.compound ?? h.address} · {h.metres === null ? '∞' : `${h.metres} m`}
              </div>
            ))}
          </div>
        </Card>
      </Space>
      {manage && (
        <CircleSettings
          upload={upload}
          onSaved={() => {
            cov.reload();
            un.reload();
          }}
        />
      )}
    </>
  );
}

function CircleSettings({
  upload,
  onSaved,
}: {
  upload: (path: string, type: string, method: 'POST' | 'PUT') => (f: File) => Promise<boolean>;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [factor, setFactor] = useState<number | null>(1.4);
  return (
    <Card size="small" title={t('circle.settings')} style={{ marginTop: 12 }}>
      <Space wrap>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={upload(
            '/api/circle/facilities/import',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'POST',
          )}
        >
          <Button icon={<UploadOutlined />}>{t('circle.importFacilities')}</Button>
        </Upload>
        <Upload
          accept=".geojson,.json"
          showUploadList={false}
          beforeUpload={upload('/api/circle/roads', 'application/geo+json', 'PUT')}
        >
          <Button icon={<UploadOutlined />}>{t('circle.importRoads')}</Button>
        </Upload>
        <InputNumber min={1} max={3} step={0.1} value={factor} onChange={setFactor} addonBefore={t('circle.factor')} />
        <Button
          onClick={() =>
            api
              .put('/api/circle/settings', { detourFactor: factor })
              .then(onSaved, (e) => message.error(errorMessage(e)))
          }
        >
          {t('circle.save')}
        </Button>
      </Space>
    </Card>
  );
}
