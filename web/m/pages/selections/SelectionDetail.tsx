/** One selection for a resident: nominees (nominate a neighbour, endorse), the vote, then the ranking in 公示 and objections. */
import { Button, Form, Input, List, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import type {
  MyVoteView,
  NomineeView,
  ObjectionView,
  ResultsView,
  SelectionView,
} from '../../../../src/server/modules/selections/selections.schema';
import { PHASE_LABELS, ROUTE_LABELS } from '../../../../src/server/modules/selections/selections.labels';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

export function SelectionDetail() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const l = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const sel = useLoad(() => api.get<SelectionView>(`/api/selections/${id}`), [id]);
  const phase = sel.data?.phase;
  // after nomination only the eligible nominees run (a page at a time)
  const nominees = usePaged(
    (cursor) =>
      api.get<Page<NomineeView>>(`/api/selections/${id}/nominees`, {
        cursor,
        status: phase && phase !== 'nomination' ? 'eligible' : undefined,
      }),
    [id, phase],
  );
  const mine = useLoad(() => api.get<MyVoteView>(`/api/selections/${id}/my-vote`), [id]);
  const s = sel.data;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      Toast.show({ icon: 'success', content: t('msel.done') });
      sel.reload();
      nominees.reload();
      mine.reload();
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };
  if (!s) return null;
  const published = s.phase === 'publicity' || s.phase === 'results';
  const voteFor = mine.data?.vote?.nomineeId;
  const list = nominees.items;
  return (
    <div className="cc-m-page" data-testid="m-selection">
      <List header={s.title}>
        <List.Item
          extra={
            <Tag color="primary" data-testid="m-selection-phase">
              {l(PHASE_LABELS[s.phase])}
            </Tag>
          }
        >
          {s.divisionName}
        </List.Item>
        {s.phase === 'voting' && <List.Item>{t('msel.turnout', { n: s.turnout })}</List.Item>}
        {s.phase === 'voting' && !mine.data?.verified && <List.Item>{t('msel.notVerified')}</List.Item>}
        {voteFor && (
          <List.Item>{t('msel.votedFor', { name: list.find((n) => n.id === voteFor)?.name ?? '' })}</List.Item>
        )}
      </List>
      {!published && (
        <List header={t('msel.nominees')} data-testid="m-nominees">
          {list.map((n) => (
            <List.Item
              key={n.id}
              description={`${l(ROUTE_LABELS[n.route])} · ${n.statement}${
                n.status === 'proposed'
                  ? ` · ${t('msel.endorsements', { n: n.endorsements, need: s.endorsementsRequired })}`
                  : ''
              }`}
              extra={
                s.actions.includes('vote') ? (
                  <Button
                    size="small"
                    color={voteFor === n.id ? 'success' : 'primary'}
                    onClick={() =>
                      void run(() => api.post(`/api/selections/${id}/vote`, { nomineeId: n.id, device: deviceId() }))
                    }
                    data-testid={`m-vote-${n.name}`}
                  >
                    {voteFor === n.id ? t('msel.voted') : t('msel.vote')}
                  </Button>
                ) : s.actions.includes('endorse') && n.status === 'proposed' ? (
                  <Button
                    size="small"
                    onClick={() => void run(() => api.post(`/api/selections/${id}/nominees/${n.id}/endorse`))}
                    data-testid={`m-endorse-${n.name}`}
                  >
                    {t('msel.endorse')}
                  </Button>
                ) : null
              }
            >
              {n.name} <span className="cc-m-hint">{n.placeName}</span>
            </List.Item>
          ))}
        </List>
      )}
      {!published && nominees.more && (
        <Button size="small" onClick={() => void nominees.loadMore()} data-testid="m-nominees-more">
          {t('msel.more')}
        </Button>
      )}
      {s.actions.includes('nominate') && <NominateForm id={id} run={run} />}
      {published && <Publicity id={id} canObject={s.actions.includes('object')} />}
    </div>
  );
}

/** A stable id of this browser, sent with votes (the supervisor sees many votes from one device). */
function deviceId(): string {
  const key = 'cc-device';
  let v = localStorage.getItem(key);
  if (!v) {
    v = Math.random().toString(36).slice(2, 14);
    localStorage.setItem(key, v);
  }
  return v;
}

function NominateForm({ id, run }: { id: string; run: (fn: () => Promise<unknown>) => Promise<boolean> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; phone: string; statement: string }>();
  return (
    <Form
      form={form}
      layout="horizontal"
      mode="card"
      data-testid="m-nominate"
      onFinish={async (v) => {
        if (await run(() => api.post(`/api/selections/${id}/nominees`, { route: 'residents', ...v })))
          form.resetFields();
      }}
      footer={
        <Button block type="submit" color="primary" data-testid="m-nominate-submit">
          {t('msel.submit')}
        </Button>
      }
    >
      <Form.Header>{t('msel.nominate')}</Form.Header>
      <Form.Item name="name" label={t('msel.name')} rules={[{ required: true }]}>
        <Input data-testid="m-nominate-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('msel.phone')} rules={[{ required: true, pattern: /^1[0-9]{10}$/ }]}>
        <Input type="tel" data-testid="m-nominate-phone" />
      </Form.Item>
      <Form.Item name="statement" label={t('msel.statement')} rules={[{ required: true }]}>
        <TextArea rows={3} data-testid="m-nominate-statement" />
      </Form.Item>
    </Form>
  );
}

function Publicity({ id, canObject }: { id: string; canObject: boolean }) {
  const { t } = useI18n();
  const res = useLoad(() => api.get<ResultsView>(`/api/selections/${id}/results`), [id]);
  const mine = useLoad(() => api.get<{ items: ObjectionView[] }>(`/api/selections/${id}/objections`), [id]);
  const [about, setAbout] = useState<string>('');
  const [reason, setReason] = useState('');
  const object = async () => {
    try {
      await api.post(`/api/selections/${id}/objections`, {
        reason: reason.trim(),
        ...(about ? { nomineeId: about } : {}),
      });
      Toast.show({ icon: 'success', content: t('msel.done') });
      setReason('');
      mine.reload();
    } catch (e) {
      showError(e);
    }
  };
  const ranking = res.data?.ranking ?? [];
  return (
    <>
      <List header={t('msel.ranking')} data-testid="m-ranking">
        {ranking.map((r) => (
          <List.Item
            key={r.nomineeId}
            prefix={<b>{r.position}</b>}
            description={`${t('msel.score', { s: r.combinedDisplay })} · ${t('msel.votes', { n: r.votes })}`}
            extra={r.selected ? <Tag color="danger">{t('msel.selected')}</Tag> : null}
          >
            {r.name}
          </List.Item>
        ))}
      </List>
      {canObject && (
        <List header={t('msel.object')}>
          <List.Item>
            <Selector
              columns={2}
              value={[about]}
              onChange={(v) => setAbout(v[0] ?? '')}
              options={[
                { label: t('msel.general'), value: '' },
                ...ranking.map((r) => ({ label: r.name, value: r.nomineeId })),
              ]}
            />
          </List.Item>
          <List.Item>
            <TextArea
              placeholder={t('msel.reason')}
              value={reason}
              onChange={setReason}
              rows={3}
              data-testid="m-object-reason"
            />
          </List.Item>
          <List.Item>
            <Button
              block
              color="warning"
              disabled={reason.trim().length < 5}
              onClick={object}
              data-testid="m-object-submit"
            >
              {t('msel.object')}
            </Button>
          </List.Item>
        </List>
      )}
      {(mine.data?.items.length ?? 0) > 0 && (
        <List header={t('msel.myObjections')} data-testid="m-my-objections">
          {mine.data!.items.map((o) => (
            <List.Item key={o.id} description={o.answer ? t('msel.answer', { a: o.answer }) : t('msel.waiting')}>
              {o.reason}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
