/** 啄木鸟志愿者报名: the resident applies to their village's team and sees each application's state. */
import { Button, DotLoading, Form, List, Radio, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { Static } from 'typebox';
import {
  APPLICATION_STATE_LABELS,
  type ApplicationState,
} from '../../../../src/server/modules/woodpeckers/woodpeckers.labels';
import type * as S from '../../../../src/server/modules/woodpeckers/woodpeckers.schema';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { LoadFailed } from '../../components/LoadFailed';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';
import { LabelledTextArea } from '../../components/LabelledTextArea';

type Mine = Static<typeof S.MyEnrolment>;
const TAG_COLOURS: Record<ApplicationState, string> = { pending: 'warning', approved: 'success', declined: 'default' };

export function WoodpeckerPage() {
  const { t, lang } = useI18n();
  const mine = useLoad(() => api.get<Mine>('/api/woodpeckers/me'), []);
  const [village, setVillage] = useState<string | null>(null);
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  const m = mine.data;
  if (mine.error && !m) return <LoadFailed retry={mine.reload} />;
  if (!m) return <DotLoading color="primary" />;

  const pending = m.applications.some((a) => a.state === 'pending');
  const open = m.villages.filter((v) => !m.memberships.some((x) => x.villageCode === v.code));
  const chosen = village ?? open[0]?.code ?? null;
  const apply = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await api.post('/api/woodpeckers/me/applications', {
        villageCode: chosen,
        statement: statement.trim() || undefined,
      });
      Toast.show({ icon: 'success', content: t('wpm.applied') });
      setStatement('');
      mine.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cc-m-page" data-testid="m-woodpecker">
      <h2>{t('wpm.title')}</h2>
      <p className="cc-m-hint cc-m-inset">{t('wpm.about')}</p>
      {m.memberships.map((x) => (
        <p key={x.villageCode} className="cc-m-inset" data-testid="m-woodpecker-member">
          <Tag color="success">✓</Tag> {t('wpm.member', { village: x.villageName, date: formatDateTime(x.since) })}
        </p>
      ))}
      {m.villages.length === 0 && <p className="cc-m-inset">{t('wpm.needPlace')}</p>}
      {pending && <p className="cc-m-inset">{t('wpm.pendingNote')}</p>}
      {!pending && open.length > 0 && (
        <Form layout="vertical" data-testid="m-woodpecker-form">
          <Form.Item label={t('wpm.village')}>
            <Radio.Group value={chosen ?? undefined} onChange={(v) => setVillage(String(v))}>
              {open.map((v) => (
                <Radio key={v.code} value={v.code} style={{ display: 'block', marginBottom: 8 }}>
                  {v.name}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <LabelledTextArea
            id="m-wp-statement"
            label={t('wpm.statement')}
            placeholder={t('wpm.statementHint')}
            value={statement}
            onChange={setStatement}
            rows={3}
            maxLength={500}
            data-testid="m-woodpecker-statement"
          />
          <div className="cc-m-inset">
            <Button block color="primary" loading={busy} onClick={apply} data-testid="m-woodpecker-apply">
              {t('wpm.apply')}
            </Button>
          </div>
        </Form>
      )}
      {m.applications.length > 0 && (
        <List header={t('wpm.history')} data-testid="m-woodpecker-applications">
          {m.applications.map((a) => (
            <List.Item
              key={a.id}
              data-state={a.state}
              description={
                <>
                  {formatDateTime(a.appliedAt)}
                  {a.reason && <div>{t('wpm.reason', { reason: a.reason })}</div>}
                </>
              }
              extra={
                <Tag color={TAG_COLOURS[a.state]}>{APPLICATION_STATE_LABELS[a.state][lang === 'en' ? 'en' : 'zh']}</Tag>
              }
            >
              {a.villageName}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
