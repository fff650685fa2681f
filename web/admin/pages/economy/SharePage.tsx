/**
 * 达标村占比: the share of villages whose collective income for the year reaches the county's threshold
 * (inclusive: 10万元以上), overall and per town, with a bar chart; county officers change the threshold.
 */
import { Button, Card, InputNumber, Select, Space, Spin, Statistic, Table, App as AntApp } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Settings, Summary } from '../../../../src/server/modules/economy/economy.schema';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { percent, yuan, yuanToFen } from './money';

const ShareChart = lazy(() => import('./ShareChart'));
export const YEARS = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);

export function SharePage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const [year, setYear] = useState(YEARS[0]);
  const [threshold, setThreshold] = useState<string | null>(null);
  const summary = useLoad(() => api.get<Summary>('/api/economy/summary', { year }), [year]);
  const s = summary.data;
  const bars = useMemo(() => (s?.towns ?? []).map((x) => ({ name: x.name, value: x.basisPoints / 100 })), [s]);
  const save = async () => {
    const fen = yuanToFen(threshold);
    if (fen === null) return;
    try {
      await api.put<Settings>('/api/economy/settings', { thresholdFen: fen });
      setThreshold(null);
      summary.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle title={t('menu.econShare')} hint={t('econ.shareHint')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('econ.year')}</span>
        <Select
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: y }))}
          data-testid="econ-share-year"
        />
        {s && <span>{t('econ.threshold', { yuan: yuan(s.thresholdFen) })}</span>}
        {me.capabilities.includes('economy.settings') && (
          <Space>
            <InputNumber<string>
              stringMode
              min="1"
              placeholder={t('econ.thresholdYuan')}
              style={{ width: 160 }}
              value={threshold}
              onChange={(v) => setThreshold(v)}
            />
            <Button onClick={() => void save()} disabled={yuanToFen(threshold) === null}>
              {t('econ.setThreshold')}
            </Button>
          </Space>
        )}
      </Space>
      {!s ? (
        <Spin />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space size="large" wrap>
              <div data-testid="econ-share">
                <Statistic title={s.scopeName} value={percent(s.basisPoints)} />
              </div>
              <div data-testid="econ-above" data-above={s.above}>
                <Statistic title={t('econ.aboveCount')} value={s.above} suffix={`/ ${s.villages}`} />
              </div>
              <Statistic title={t('econ.total')} value={yuan(s.totalFen)} />
            </Space>
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Suspense fallback={<Spin />}>
              <ShareChart title={t('econ.chartTitle')} bars={bars} />
            </Suspense>
          </Card>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={s.towns}
            columns={[
              { title: t('econ.town'), dataIndex: 'name' },
              { title: t('econ.villages'), dataIndex: 'villages' },
              { title: t('econ.aboveCount'), dataIndex: 'above' },
              { title: t('econ.share'), dataIndex: 'basisPoints', render: (v: number) => percent(v) },
              { title: t('econ.total'), dataIndex: 'totalFen', render: (v: number) => yuan(v) },
            ]}
          />
        </>
      )}
    </>
  );
}
