/** 共谋: proposals of my village; make one, support one (once), read the official answer. */
import { Button, ErrorBlock, Input, List, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { ProposalSummary } from '../../../shared/deliberation';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

export function ProposalsList() {
  const { t } = useI18n();
  const rows = usePaged((cursor) => api.get<Page<ProposalSummary>>('/api/proposals', { cursor }), []);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      Toast.show({ icon: 'success', content: ok });
      rows.reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <div className="cc-m-inset">
        <Input value={title} onChange={setTitle} placeholder={t('dlb.proposalTitle')} maxLength={200} />
        <TextArea value={body} onChange={setBody} placeholder={t('dlb.proposalBody')} rows={3} maxLength={5000} />
        <Button
          block
          disabled={title.trim().length < 2 || body.trim().length < 2}
          onClick={() =>
            run(async () => {
              await api.post('/api/proposals', { title: title.trim(), body: body.trim() });
              setTitle('');
              setBody('');
            }, t('dlb.proposed'))
          }
        >
          {t('dlb.propose')}
        </Button>
      </div>
      {!rows.items.length && !rows.loading ? (
        <ErrorBlock status="empty" title={t('dlb.proposalsEmpty')} description="" />
      ) : (
        <List mode="card" data-testid="dlb-proposals">
          {rows.items.map((p) => (
            <List.Item
              key={p.id}
              description={
                <>
                  <div>{p.body}</div>
                  {p.answer ? <div className="cc-m-hint">{t('dlb.answer', { text: p.answer })}</div> : null}
                </>
              }
              extra={
                p.state === 'open' ? (
                  <Button
                    size="mini"
                    onClick={() => run(() => api.post(`/api/proposals/${p.id}/support`), t('dlb.supported'))}
                  >
                    {t('dlb.support', { n: p.supports })}
                  </Button>
                ) : (
                  <Tag>{t('dlb.answered')}</Tag>
                )
              }
            >
              {p.title}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
