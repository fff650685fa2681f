/** A contest: the judge's scoring form (every criterion, once per entrant) and the ranking (exact, ties share a place). */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { ContestDetail } from './types';

export function ContestPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const detail = useLoad(() => api.get<ContestDetail>(`/api/leaders/contests/${id}`), [id]);
  const [entrant, setEntrant] = useState<string>();
  const [scores, setScores] = useState<Record<number, number | null>>({});
  const d = detail.data;
  const submit = async () => {
    if (!d || !entrant) return;
    try {
      await api.post(`/api/leaders/contests/${id}/scores`, {
        entrantId: entrant,
        scores: d.criteria.map((c) => ({ position: c.position, score: scores[c.position] ?? Number.NaN })),
      });
      message.success(t('ldr.saved'));
      setEntrant(undefined);
      setScores({});
      detail.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={d?.contest.title ?? t('menu.leadersContests')}
        hint={t('ldr.contestsHint')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/leaders/contests')}>
            {t('ldr.back')}
          </Button>
        }
      />
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {d && (
        <>
          <Card size="small" title={t('ldr.score')} style={{ marginBottom: 16 }} data-testid="leaders-score-form">
            <Space wrap align="end">
              <Select
                style={{ width: 220 }}
                placeholder={t('ldr.entrants')}
                data-testid="leaders-score-entrant"
                value={entrant}
                onChange={setEntrant}
                options={d.entrants.map((e) => ({
                  value: e.id,
                  label: d.scoredByMe.includes(e.id) ? `${e.name}（${t('ldr.scored')}）` : e.name,
                }))}
              />
              {d.criteria.map((c) => (
                <div key={c.position}>
                  <div>
                    {c.name}（{c.minScore}–{c.maxScore}）
                  </div>
                  <InputNumber
                    data-testid={`leaders-score-${c.position}`}
                    value={scores[c.position] ?? null}
                    onChange={(v) => setScores({ ...scores, [c.position]: v })}
                  />
                </div>
              ))}
              <Button
                type="primary"
                data-testid="leaders-score-submit"
                disabled={!entrant}
                onClick={() => void submit()}
              >
                {t('ldr.submitScore')}
              </Button>
            </Space>
          </Card>
          <Card size="small" title={t('ldr.ranking')}>
            <Table
              rowKey="entrantId"
              size="small"
              data-testid="leaders-ranking"
              pagination={false}
              dataSource={d.ranking}
              columns={[
                { title: t('ldr.position'), dataIndex: 'position', width: 80 },
                {
                  title: t('ldr.entrants'),
                  dataIndex: 'name',
                  render: (n: string, r) => (
                    <>
                      {n} {d.scoredByMe.includes(r.entrantId) && <Tag>{t('ldr.scored')}</Tag>}
                    </>
                  ),
                },
                { title: t('ldr.judges'), dataIndex: 'judges', width: 90 },
                { title: t('ldr.meanScore'), dataIndex: 'score', width: 120 },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
