/** 村集体经济: the resident's village — its collective income by source last year (or a chosen year) and its cooperatives. */
import { DotLoading, ErrorBlock, List, NavBar, Selector, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  COOPERATIVE_KIND_LABELS,
  INCOME_SOURCE_LABELS,
  INCOME_SOURCES,
} from '../../../../src/server/modules/economy/economy.labels';
import type { MyVillage } from '../../../../src/server/modules/economy/economy.schema';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
const YEARS = [new Date().getFullYear() - 1, new Date().getFullYear()];

export function VillageIncomePage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [year, setYear] = useState(YEARS[0]);
  const mine = useLoad(() => api.get<MyVillage>('/api/economy/my-village', { year }), [year]);
  const v = mine.data?.village;
  return (
    <div className="cc-m-page" data-testid="m-economy">
      <NavBar onBack={() => navigate('/')} className="cc-m-nav">
        {t('econ.m.title')}
      </NavBar>
      <Selector
        options={YEARS.map((y) => ({ label: String(y), value: y }))}
        value={[year]}
        onChange={(v) => v[0] && setYear(v[0])}
        style={{ padding: 12 }}
      />
      {mine.loading && !mine.data && <DotLoading />}
      {mine.error !== null && <ErrorBlock status="default" description={errorMessage(mine.error)} />}
      {mine.data && !v && <ErrorBlock status="empty" description={t('econ.m.none')} />}
      {v && (
        <>
          <List header={`${v.name} · ${t('econ.m.year', { year: v.year })}`}>
            {INCOME_SOURCES.map((s) => (
              <List.Item key={s} extra={`${yuan(v.amounts[s] ?? 0)} 元`}>
                {pick(INCOME_SOURCE_LABELS[s].zh, INCOME_SOURCE_LABELS[s].en)}
              </List.Item>
            ))}
            <List.Item
              extra={
                <Tag color={v.above ? 'success' : 'default'}>
                  {t(v.above ? 'econ.m.above' : 'econ.m.below', { yuan: yuan(v.thresholdFen) })}
                </Tag>
              }
            >
              {t('econ.m.total', { yuan: yuan(v.totalFen) })}
            </List.Item>
          </List>
          <List header={t('econ.m.coops')}>
            {v.cooperatives.map((c) => (
              <List.Item
                key={c.name}
                description={pick(COOPERATIVE_KIND_LABELS[c.kind].zh, COOPERATIVE_KIND_LABELS[c.kind].en)}
                extra={t('econ.m.members', { n: c.members })}
              >
                {c.name}
              </List.Item>
            ))}
          </List>
          <p style={{ padding: 12, color: '#888' }}>{t('econ.m.board')}</p>
        </>
      )}
    </div>
  );
}
