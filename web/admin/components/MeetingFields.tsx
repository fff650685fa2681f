/**
 * The fields of a meeting's notice (title, agenda, place, start, when the notice was posted), shared
 * by noticing a meeting (会议与表决) and a council convening one (两会组织). `toNotice` turns the
 * form's local times into the API's.
 */
import { Form, Input } from 'antd';
import { useI18n } from '../i18n';

export interface NoticeFields {
  title: string;
  agenda: string;
  location?: string;
  startsAt: string;
  noticedAt?: string;
}

const toIso = (local: string) => new Date(local).toISOString();

export const toNotice = <T extends NoticeFields>(v: T): T => ({
  ...v,
  startsAt: toIso(v.startsAt),
  ...(v.noticedAt ? { noticedAt: toIso(v.noticedAt) } : {}),
});

export function MeetingFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="title" label={t('dlb.titleField')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="agenda" label={t('dlb.agenda')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="location" label={t('dlb.location')}>
        <Input />
      </Form.Item>
      <Form.Item name="startsAt" label={t('dlb.startsAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="noticedAt" label={t('dlb.noticedAt')}>
        <Input type="datetime-local" />
      </Form.Item>
    </>
  );
}
