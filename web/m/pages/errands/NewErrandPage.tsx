/** Ask for an errand: the item (documents needed, time limit), the documents ready, encrypted notes. */
import { Button, Checkbox, Form, NavBar, Radio, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ErrandItem, ErrandSummary } from '../../../../src/server/modules/services/errands.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { showError } from '../../notice';
import { LabelledTextArea } from '../../components/LabelledTextArea';

export function NewErrandPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { me } = useSession();
  const items = useLoad(() => api.get<ErrandItem[]>('/api/services/errand-items'), []);
  const [itemId, setItemId] = useState<string>('');
  const [documents, setDocuments] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const item = items.data?.find((i) => i.id === itemId);
  const place = me.user.homeDivision?.code;

  if (!place) return <Result status="warning" title={t('err.needPlace')} />;
  const submit = async () => {
    if (!itemId) {
      showError(t('err.itemPick'));
      return;
    }
    setBusy(true);
    try {
      const e = await api.post<ErrandSummary>('/api/services/errands', {
        itemId,
        divisionCode: place,
        notes,
        documents,
      });
      Toast.show({ icon: 'success', content: t('err.submitted') });
      navigate(`/errands/${e.id}`, { replace: true });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cc-m-page" data-testid="m-errand-form">
      <NavBar onBack={() => navigate('/errands')}>{t('err.new')}</NavBar>
      <Form layout="vertical">
        <Form.Item label={t('err.item')}>
          <Radio.Group value={itemId} onChange={(v) => (setItemId(String(v)), setDocuments([]))}>
            {(items.data ?? []).map((i) => (
              <Radio key={i.id} value={i.id} data-item={i.code} style={{ display: 'block', marginBottom: 8 }}>
                {i.name} <span className="cc-m-hint">{t('err.timeLimit', { n: i.timeLimitDays })}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {item && item.documents.length > 0 && (
          <Form.Item
            label={t('err.documentsReady')}
            help={t('err.documentsNeeded', { list: item.documents.join('、') })}
          >
            <Checkbox.Group value={documents} onChange={(v) => setDocuments(v as string[])}>
              {item.documents.map((d) => (
                <Checkbox key={d} value={d} style={{ display: 'block', marginBottom: 6 }}>
                  {d}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
        <LabelledTextArea
          id="m-errand-notes"
          label={t('err.notes')}
          value={notes}
          onChange={setNotes}
          rows={3}
          maxLength={2000}
          data-testid="m-errand-notes"
        />
      </Form>
      <Button block color="primary" loading={busy} onClick={submit} data-testid="m-errand-submit">
        {t('err.submit')}
      </Button>
    </div>
  );
}
