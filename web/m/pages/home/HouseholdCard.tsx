/** 我的家: my household, its grid and grid worker, and the party member linked to it; a friendly empty state. */
import { HomeOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd-mobile';
import { api } from '../../../shared/api';
import { type MyHousehold, type MyHouseholds, relationLabel } from '../../../shared/people';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

export function HouseholdCard() {
  const { t, pick } = useI18n();
  const loaded = useLoad(() => api.get<MyHouseholds>('/api/my/household'), []);
  const households = loaded.data?.households ?? [];
  if (loaded.loading || loaded.error) return null;
  if (!households.length) {
    return (
      <Card className="cc-m-card" data-testid="m-household-empty">
        <div className="cc-m-empty-row">
          <HomeOutlined className="cc-m-place-icon" />
          <div>
            <div className="cc-m-feature-name">{t('hh.empty')}</div>
            <div className="cc-m-hint">{t('hh.emptyHint')}</div>
          </div>
        </div>
      </Card>
    );
  }
  return (
    <>
      {households.map((h) => (
        <Card
          key={h.code}
          className="cc-m-card"
          title={
            <span>
              <HomeOutlined /> {t('hh.title')}
            </span>
          }
          data-testid="m-household"
        >
          <div className="cc-m-desc">{h.address}</div>
          {h.grid && (
            <div className="cc-m-kv">
              <span>{t('hh.grid')}</span>
              <b>{h.grid.name}</b>
            </div>
          )}
          {h.gridWorkers.length > 0 && (
            <div className="cc-m-kv">
              <span>{t('hh.gridWorker')}</span>
              <b>{h.gridWorkers.map((w) => w.displayName).join('、')}</b>
            </div>
          )}
          {h.linkedPartyMembers.map((p) => (
            <div className="cc-m-kv" key={p.name}>
              <span>{t('hh.party')}</span>
              <b>
                {p.name} {p.phoneMasked ?? ''}{' '}
                {p.hub && (
                  <Tag color="danger" fill="outline">
                    {t('hh.hub')}
                  </Tag>
                )}
              </b>
            </div>
          ))}
          <div className="cc-m-kv">
            <span>{t('hh.members')}</span>
            <b>{h.members.map((m) => `${m.name}（${relationLabel(m.relation, pick)}）`).join('、')}</b>
          </div>
        </Card>
      ))}
    </>
  );
}
