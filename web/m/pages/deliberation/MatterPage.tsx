/** The public history of a 四议两公开 matter: each step, its vote (figures only) and its disclosures. */
import { DotLoading, ErrorBlock, List, NavBar, Steps } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { MATTER_EVENT_LABELS, MATTER_STATE_LABELS, type Matter, type MatterEvent } from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

export function MatterPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const matter = useLoad(() => api.get<Matter>(`/api/deliberation/matters/${id}`), [id]);
  const label = (e: string) =>
    e in MATTER_EVENT_LABELS
      ? pick(MATTER_EVENT_LABELS[e as MatterEvent].zh, MATTER_EVENT_LABELS[e as MatterEvent].en)
      : pick('村党组织提议', 'proposed by the branch');
  if (matter.error) return <ErrorBlock status="default" description={errorMessage(matter.error)} />;
  if (!matter.data)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  const m = matter.data;
  return (
    <div className="cc-m-page" data-testid="dlb-matter">
      <NavBar onBack={() => navigate('/deliberation')}>{t('dlb.matter')}</NavBar>
      <div className="cc-m-inset">
        <h3>{m.title}</h3>
        <div>{m.summary}</div>
        <div className="cc-m-hint">{pick(MATTER_STATE_LABELS[m.state].zh, MATTER_STATE_LABELS[m.state].en)}</div>
      </div>
      <div className="cc-m-section">{t('dlb.steps')}</div>
      <Steps direction="vertical">
        {m.steps.map((s) => (
          <Steps.Step
            key={s.seq}
            status={s.outcome === 'returned' || s.outcome === 'rejected' ? 'error' : 'finish'}
            title={label(s.event)}
            description={
              <>
                {formatDateTime(s.recordedAt)}
                {s.motion?.tally && s.motion.result
                  ? ` · ${s.motion.tally.yes}/${s.motion.tally.no}/${s.motion.tally.abstain} · ${pick(s.motion.result.explanation.zh, s.motion.result.explanation.en)}`
                  : ''}
              </>
            }
          />
        ))}
      </Steps>
      <List mode="card">
        {m.disclosures.map((d) => (
          <List.Item key={d.id} description={<div style={{ whiteSpace: 'pre-wrap' }}>{d.body}</div>}>
            {d.title}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
