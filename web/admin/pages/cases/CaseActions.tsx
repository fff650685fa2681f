/** The buttons of the events the caller may take NOW (the case's `actions`), each opening its form. */
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { type CaseEventType, type CaseRow, eventLabel } from '../../../shared/cases';
import { uploadPhotos } from '../../../shared/photos';
import { useI18n } from '../../i18n';
import { ActionModal } from './ActionModal';

const PRIMARY: CaseEventType[] = ['file', 'dispatch', 'accept', 'feedback', 'verify'];
const DANGER: CaseEventType[] = ['reject', 'send_back'];

interface Props {
  c: CaseRow;
  onDone: (updated: CaseRow) => void;
  size?: 'small' | 'middle';
  showNone?: boolean;
}

export function CaseActions({ c, onDone, size = 'small', showNone }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseEventType | null>(null);
  const actions = c.actions ?? [];

  const submit = async (type: CaseEventType, body: Record<string, unknown>, photos: File[]) => {
    try {
      if (photos.length) {
        const r = await uploadPhotos(c.id, type === 'feedback' ? 'feedback' : 'progress', photos);
        if (r.failed) message.warning(t('report.photosFailed', { n: r.failed, msg: r.message }));
      }
      const updated = await api.post<CaseRow>(`/api/cases/${c.id}/events`, body);
      message.success(t('act.done', { action: eventLabel(type, lang) }));
      setOpen(null);
      onDone(updated);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (!actions.length)
    return showNone ? <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text> : null;
  return (
    <>
      <Space wrap size={4} data-testid="case-actions">
        {actions.map((a) => (
          <Button
            key={a}
            size={size}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            onClick={() => setOpen(a)}
            data-action={a}
          >
            {eventLabel(a, lang)}
          </Button>
        ))}
      </Space>
      <ActionModal c={c} type={open} onClose={() => setOpen(null)} onSubmit={submit} />
    </>
  );
}
