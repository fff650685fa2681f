/** 评审打分: the selections whose panel I sit on; in scoring, a sheet per eligible nominee (or a declared conflict). */
import { App, Button, Card, Empty, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import type { Page } from '../../../shared/usePaged';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { label, PHASE_LABELS, type PanelSheetView, type SelectionSummaryView, type SelectionView } from './types';

export function PanelPage() {
  const { t, lang } = useI18n();
  const list = useLoad(() => api.get<Page<SelectionSummaryView>>('/api/selections/panel'), []);
  const [id, setId] = useState<string>();
  return (
    <>
      <PageTitle title={t('menu.selectionsPanel')} hint={t('sel.panelHint')} />
      <Select
        style={{ width: 420, marginBottom: 16 }}
        value={id}
        onChange={setId}
        data-testid="panel-select"
        options={(list.data?.items ?? []).map((s) => ({
          value: s.id,
          label: `${s.title}（${label(PHASE_LABELS[s.phase], lang)}）`,
        }))}
      />
      {id ? <Sheets id={id} /> : <Empty />}
    </>
  );
}

function Sheets({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sel = useLoad(() => api.get<SelectionView>(`/api/selections/${id}`), [id]);
  const sheets = useLoad(() => api.get<{ items: PanelSheetView[] }>(`/api/selections/${id}/sheets`), [id]);
  const [draft, setDraft] = useState<Record<string, Record<number, number>>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('sel.done'));
      sheets.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const criteria = sel.data?.criteria ?? [];
  const scoring = sel.data?.actions.includes('score') ?? false;
  return (
    <List
      dataSource={sheets.data?.items ?? []}
      data-testid="panel-sheets"
      renderItem={(n) => {
        const given: Record<number, number> = Object.fromEntries(n.scores.map((s) => [s.criterion, s.score]));
        const values: Record<number, number> = { ...given, ...draft[n.nomineeId] };
        return (
          <Card size="small" title={n.name} style={{ marginBottom: 12 }} data-testid={`sheet-${n.name}`}>
            {n.conflict !== null ? (
              <Tag color="orange">{t('sel.declared', { reason: n.conflict })}</Tag>
            ) : (
              <Space wrap>
                {criteria.map((c) => (
                  <InputNumber
                    key={c.position}
                    addonBefore={`${c.name} (${c.minScore}–${c.maxScore})`}
                    value={values[c.position]}
                    disabled={!scoring}
                    data-testid={`score-${n.name}-${c.position}`}
                    onChange={(v) =>
                      setDraft((d) => ({ ...d, [n.nomineeId]: { ...d[n.nomineeId], [c.position]: Number(v) } }))
                    }
                  />
                ))}
                <Button
                  type="primary"
                  disabled={!scoring}
                  data-testid={`score-save-${n.name}`}
                  onClick={() =>
                    run(() =>
                      api.put(`/api/selections/${id}/nominees/${n.nomineeId}/scores`, {
                        scores: criteria.map((c) => ({ criterion: c.position, score: values[c.position] })),
                      }),
                    )
                  }
                >
                  {t('sel.save')}
                </Button>
                <Input
                  placeholder={t('sel.conflictReason')}
                  style={{ width: 160 }}
                  value={reasons[n.nomineeId] ?? ''}
                  onChange={(e) => setReasons((r) => ({ ...r, [n.nomineeId]: e.target.value }))}
                />
                <Button
                  disabled={!reasons[n.nomineeId]?.trim()}
                  onClick={() =>
                    run(() =>
                      api.post(`/api/selections/${id}/nominees/${n.nomineeId}/conflict`, {
                        reason: reasons[n.nomineeId].trim(),
                      }),
                    )
                  }
                >
                  {t('sel.conflict')}
                </Button>
              </Space>
            )}
            {n.scores.length > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
                {n.scores
                  .map((s) => `${criteria.find((c) => c.position === s.criterion)?.name ?? s.criterion}: ${s.score}`)
                  .join('；')}
              </Typography.Text>
            )}
          </Card>
        );
      }}
    />
  );
}
