/** 评选: the selections whose area covers my place, newest first. */
import { ErrorBlock, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import type { SelectionSummaryView } from '../../../../src/server/modules/selections/selections.schema';
import { KIND_LABELS, PHASE_LABELS } from '../../../../src/server/modules/selections/selections.labels';
import { useI18n } from '../../i18n';

export function SelectionsList() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const list = usePaged((cursor) => api.get<Page<SelectionSummaryView>>('/api/selections', { cursor }), []);
  const l = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  if (list.error) return <ErrorBlock status="disconnected" description={errorMessage(list.error)} />;
  return (
    <div className="cc-m-page" data-testid="m-selections">
      {!list.loading && !list.items.length ? (
        <ErrorBlock status="empty" title={t('msel.empty')} description="" />
      ) : (
        <List mode="card">
          {list.items.map((s) => (
            <List.Item
              key={s.id}
              onClick={() => navigate(`/selections/${s.id}`)}
              description={`${l(KIND_LABELS[s.kind])} · ${s.divisionName} · ${t('msel.until', { at: formatDateTime(s.votingEndsAt) })}`}
              extra={<Tag color="primary">{l(PHASE_LABELS[s.phase])}</Tag>}
              data-testid={`m-selection-${s.title}`}
            >
              {s.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
