/** 议事与村务公开: sign in to a meeting by its code (typed or from its QR), my meetings, the 村务公开 board. */
import { Button, ErrorBlock, Input, List, NavBar, Tabs, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import {
  DISCLOSURE_CATEGORY_LABELS,
  type Disclosure,
  MEETING_TYPE_LABELS,
  type MyMeeting,
  type SignInResult,
} from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { ProposalsList } from './ProposalsList';
import { showError } from '../../notice';

export function DeliberationPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SignInResult | null>(null);
  const meetings = usePaged((cursor) => api.get<Page<MyMeeting>>('/api/deliberation/my-meetings', { cursor }), []);
  const board = usePaged((cursor) => api.get<Page<Disclosure>>('/api/deliberation/board', { cursor }), []);
  const auto = useRef(false);

  const signIn = useCallback(
    async (value: string) => {
      if (!/^[0-9]{6}$/.test(value)) return;
      setBusy(true);
      try {
        const r = await api.post<SignInResult>('/api/deliberation/sign-in', { code: value });
        setResult(r);
        Toast.show({
          icon: 'success',
          content: t(r.alreadySignedIn ? 'dlb.already' : 'dlb.signedIn', { title: r.title }),
        });
        meetings.reload();
      } catch (e) {
        showError(e);
      } finally {
        setBusy(false);
      }
    },
    [t, meetings],
  );

  useEffect(() => {
    // the QR code carries /m/deliberation?code=…: sign in once on arrival
    const fromQr = params.get('code');
    if (fromQr && !auto.current) {
      auto.current = true;
      void signIn(fromQr);
    }
  }, [params, signIn]);

  return (
    <div className="cc-m-page">
      <NavBar onBack={() => navigate('/')}>{t('dlb.title')}</NavBar>
      <div className="cc-m-inset">
        <div className="cc-m-hint">{t('dlb.code')}</div>
        <Input
          value={code}
          onChange={setCode}
          maxLength={6}
          inputMode="numeric"
          placeholder="000000"
          data-testid="dlb-code"
        />
        <Button
          block
          color="primary"
          loading={busy}
          disabled={!/^[0-9]{6}$/.test(code)}
          onClick={() => signIn(code)}
          data-testid="dlb-sign-in"
        >
          {t('dlb.signIn')}
        </Button>
        {result ? (
          <div className="cc-m-hint" data-testid="dlb-result">
            {t(result.alreadySignedIn ? 'dlb.already' : 'dlb.signedIn', { title: result.title })} ·{' '}
            {t('dlb.quorum', {
              present: result.quorum.present,
              required: result.quorum.required,
              met: t(result.quorum.met ? 'dlb.met' : 'dlb.notMet'),
            })}
          </div>
        ) : null}
      </div>
      <Tabs>
        <Tabs.Tab title={t('dlb.tabMeetings')} key="meetings">
          {!meetings.items.length && !meetings.loading ? (
            <ErrorBlock status="empty" title={t('dlb.meetingsEmpty')} description="" />
          ) : (
            <List mode="card" data-testid="dlb-meetings">
              {meetings.items.map((m) => (
                <List.Item
                  key={m.id}
                  description={`${pick(MEETING_TYPE_LABELS[m.meetingType].zh, MEETING_TYPE_LABELS[m.meetingType].en)} · ${formatDateTime(m.startsAt)} · ${m.location}`}
                  extra={
                    <Tag color={m.present ? 'success' : 'default'}>{t(m.present ? 'dlb.present' : 'dlb.absent')}</Tag>
                  }
                >
                  {m.title}
                </List.Item>
              ))}
            </List>
          )}
        </Tabs.Tab>
        <Tabs.Tab title={t('dlb.tabBoard')} key="board">
          {!board.items.length && !board.loading ? (
            <ErrorBlock status="empty" title={t('dlb.boardEmpty')} description="" />
          ) : (
            <List mode="card" data-testid="dlb-board">
              {board.items.map((d) => (
                <List.Item
                  key={d.id}
                  onClick={d.matterId ? () => navigate(`/deliberation/matters/${d.matterId}`) : undefined}
                  description={
                    <>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{d.body}</div>
                      <div className="cc-m-hint">{formatDateTime(d.publishedAt)}</div>
                    </>
                  }
                  extra={
                    <Tag>
                      {pick(DISCLOSURE_CATEGORY_LABELS[d.category].zh, DISCLOSURE_CATEGORY_LABELS[d.category].en)}
                    </Tag>
                  }
                >
                  {d.title}
                </List.Item>
              ))}
            </List>
          )}
        </Tabs.Tab>
        <Tabs.Tab title={t('dlb.tabProposals')} key="proposals">
          <ProposalsList />
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}
