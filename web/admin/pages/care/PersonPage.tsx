/** A person's care record (audited read): details, consent, the visit form for the assigned worker, past visits. */
import { VisitNeeds } from './VisitNeeds';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Input, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { CONSENT_LABELS } from '../../../../src/server/modules/care/care.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { categoryName, type PersonRecord, type Settings, StatusTag, TierTag } from './shared';
import { VisitForm } from './VisitForm';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const record = useLoad(() => api.get<PersonRecord>(`/api/care/persons/${id}`), [id]);
  const settings = useLoad(() => api.get<Settings>('/api/care/settings'), []);
  const [changing, setChanging] = useState(false);
  const [note, setNote] = useState('');
  const r = record.data;
  const question = (key: string) => {
    const q = settings.data?.questions.find((x) => x.key === key);
    return q ? (lang === 'en' ? q.en : q.zh) : key;
  };
  const reportChange = async () => {
    try {
      await api.post(`/api/care/persons/${id}/change`, { note: note.trim() });
      message.success(t('care.changed'));
      setChanging(false);
      record.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={r ? r.person.name : t('care.person')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('care.back')}
            </Button>
            {r?.actions.includes('report_change') && (
              <Button onClick={() => setChanging(true)}>{t('care.reportChange')}</Button>
            )}
          </>
        }
      />
      <ErrorAlert error={record.error} onRetry={record.reload} />
      {r && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('care.address')}>{r.person.address}</Descriptions.Item>
              <Descriptions.Item label={t('care.grid')}>{r.person.gridName}</Descriptions.Item>
              <Descriptions.Item label={t('care.categories')}>
                {r.person.categories.map((c) => (
                  <Tag key={c}>{categoryName(settings.data, c, lang)}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('care.tier')}>
                <TierTag tier={r.person.tier} />
              </Descriptions.Item>
              <Descriptions.Item label={t('care.worker')}>{r.person.workerName}</Descriptions.Item>
              <Descriptions.Item label={t('care.dueAt')}>
                {formatDateTime(r.person.dueAt)} <StatusTag status={r.person.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('care.consent')}>
                {CONSENT_LABELS[r.consent.by][lang === 'en' ? 'en' : 'zh']} · {r.consent.on}
                {r.consent.note ? ` · ${r.consent.note}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('care.registeredAt')}>{formatDateTime(r.registeredAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {r.actions.includes('visit') && settings.data && (
            <VisitForm personId={id} settings={settings.data} onDone={record.reload} />
          )}
          <Card size="small" title={t('care.visits')}>
            <List
              dataSource={r.visits}
              renderItem={(v) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${formatDateTime(v.visitedAt)} · ${v.workerName}`}
                    description={
                      <>
                        {v.answers
                          .filter((a) => a.concern)
                          .map((a) => (
                            <Tag color="red" key={a.key}>{`${question(a.key)}：${a.answer}`}</Tag>
                          ))}
                        {v.summary}
                        {(r.actions.includes('visit') || r.actions.includes('edit')) && (
                          <VisitNeeds visitId={v.id} workerId={r.person.workerId} />
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
      <Modal
        open={changing}
        title={t('care.reportChange')}
        onCancel={() => setChanging(false)}
        onOk={() => void reportChange()}
        okButtonProps={{ disabled: !note.trim() }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('care.changeNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
