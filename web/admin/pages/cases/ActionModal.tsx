/**
 * The form of one case event: the fields that event needs (reason, handler, note, dates, result), then POST it.
 * Dispatching to a staff member offers the case's candidates (grid workers and village officers of its grid or
 * village, handlers of the chosen department) from GET /api/cases/:id/handling-candidates.
 */
import { Alert, DatePicker, Form, Input, Modal, Radio, Rate, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import {
  type CandidateList,
  type CaseEventType,
  type CaseRow,
  cleanExtra,
  type ExtraField,
  eventLabel,
  REJECT_REASONS,
  rejectLabel,
} from '../../../shared/cases';
import { useCategories } from '../../../shared/categories';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { FileFields } from './FileFields';
import { PhotoPicker } from './PhotoPicker';

interface Values {
  note?: string;
  reason?: string;
  duplicateOf?: string;
  referral?: string;
  target?: 'department' | 'staff' | 'me';
  departmentCode?: string;
  handlerUserId?: string;
  until?: Dayjs;
  due?: Dayjs;
  passed?: boolean;
  score?: number;
  comment?: string;
  categoryCode?: string;
  extra?: Record<string, unknown>;
}

const NOTE_REQUIRED: CaseEventType[] = [
  'send_back',
  'progress',
  'request_suspension',
  'feedback',
  'verify',
  'reopen',
  'supervise',
];

interface Props {
  c: CaseRow;
  type: CaseEventType | null;
  onClose: () => void;
  /** Posts the event (and uploads the chosen photos first for progress/feedback). */
  onSubmit: (type: CaseEventType, body: Record<string, unknown>, photos: File[]) => Promise<void>;
}

export function toBody(
  type: CaseEventType,
  v: Values,
  myId: string,
  extraFields: readonly ExtraField[] = [],
): Record<string, unknown> {
  const note = v.note?.trim() || undefined;
  switch (type) {
    case 'file':
      return { type, note, categoryCode: v.categoryCode, extra: cleanExtra(extraFields, v.extra ?? {}) };
    case 'reject':
      return {
        type,
        reason: v.reason,
        note,
        duplicateOf: v.duplicateOf?.trim() || undefined,
        referral: v.referral?.trim() || undefined,
      };
    case 'dispatch':
      return v.target === 'department'
        ? { type, departmentCode: v.departmentCode, note }
        : { type, handlerUserId: v.target === 'me' ? myId : v.handlerUserId, note };
    case 'request_suspension':
      return { type, note, until: v.until?.toISOString() };
    case 'supervise':
      return { type, note, due: v.due?.toISOString() };
    case 'verify':
      return { type, passed: v.passed, note };
    case 'rate':
      return { type, score: v.score, comment: v.comment?.trim() || undefined };
    default:
      return { type, note };
  }
}

export function ActionModal({ c, type, onClose, onSubmit }: Props) {
  const { t, lang, pick } = useI18n();
  const { me, departments, roleLabel, departmentName } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [staff, setStaff] = useState<CandidateList>({ items: [], more: false });
  const [staffText, setStaffText] = useState('');
  const target = Form.useWatch('target', form);
  const reason = Form.useWatch('reason', form);
  const departmentCode = Form.useWatch('departmentCode', form);
  const categories = useCategories();
  const categoryCode = (Form.useWatch('categoryCode', form) as string | undefined) ?? c.categoryCode;
  const extraFields = categories.find((x) => x.code === categoryCode)?.extraFields ?? [];

  useEffect(() => {
    if (!type) return;
    form.resetFields();
    setPhotos([]);
    form.setFieldsValue({
      target: c.tier === 'department' ? 'department' : 'me',
      departmentCode: c.handlerDepartment ?? undefined,
      passed: true,
      categoryCode: c.categoryCode,
      extra: c.extra,
    });
  }, [type, c, form]);

  // the server answers the first CANDIDATE_CAP (`more` when others match): typing narrows it there
  useEffect(() => {
    if (type !== 'dispatch' || target !== 'staff') return;
    let current = true;
    const q = staffText.trim() || undefined;
    const timer = setTimeout(
      () => {
        api.get<CandidateList>(`/api/cases/${c.id}/handling-candidates`, { departmentCode, q }).then(
          (list) => {
            if (current) setStaff(list);
          },
          () => {
            if (current) setStaff({ items: [], more: false });
          },
        );
      },
      q ? 300 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [type, target, c.id, departmentCode, staffText]);

  const submit = async () => {
    if (!type) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(type, toBody(type, v, me.user.id, extraFields), photos);
    } finally {
      setBusy(false);
    }
  };
  const noteRule =
    type && NOTE_REQUIRED.includes(type) ? [{ required: true, whitespace: true, message: t('act.noteRequired') }] : [];
  // one option per person: the first (best-placed) assignment names them
  const named = new Set<string>();
  const staffOptions = staff.items
    .filter((s) => !named.has(s.userId) && named.add(s.userId))
    .map((s) => ({
      value: s.userId,
      label: `${s.displayName} · ${roleLabel(s.role)} · ${s.departmentCode ? departmentName(s.departmentCode) : s.scopeName}`,
    }));

  return (
    <Modal
      open={!!type}
      title={type ? `${eventLabel(type, lang)} · ${c.number}` : ''}
      onCancel={onClose}
      onOk={submit}
      okText={type ? eventLabel(type, lang) : ''}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ id: 'cc-action-ok' }}
    >
      <Form form={form} layout="vertical" data-testid="action-form">
        {type === 'file' && (
          <FileFields c={c} categories={categories} fields={extraFields} changed={categoryCode !== c.categoryCode} />
        )}
        {type === 'reject' && (
          <>
            <Form.Item name="reason" label={t('act.reason')} rules={[{ required: true }]}>
              <Select options={REJECT_REASONS.map((r) => ({ value: r, label: rejectLabel(r, lang) }))} />
            </Form.Item>
            {reason === 'duplicate' && (
              <Form.Item name="duplicateOf" label={t('act.duplicateOf')} rules={[{ required: true }]}>
                <Input placeholder="421081-20261125-000001" />
              </Form.Item>
            )}
            {reason === 'not_our_responsibility' && (
              <Form.Item name="referral" label={t('act.referral')}>
                <Input maxLength={200} />
              </Form.Item>
            )}
          </>
        )}
        {type === 'dispatch' && (
          <>
            <Form.Item name="target" label={t('act.dispatchTo')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'department', label: t('act.toDepartment') },
                  { value: 'staff', label: t('act.toStaff') },
                  { value: 'me', label: t('act.toMe') },
                ]}
              />
            </Form.Item>
            {(target === 'department' || target === 'staff') && (
              <Form.Item
                name="departmentCode"
                label={t('act.department')}
                rules={[{ required: target === 'department' }]}
                extra={target === 'staff' ? t('act.departmentHandlers') : undefined}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="dispatch-department"
                  options={departments.map((d) => ({
                    value: d.code,
                    label: `${pick(d.name, d.nameEn)}${d.code === c.handlerDepartment ? t('act.suggested') : ''}`,
                  }))}
                />
              </Form.Item>
            )}
            {target === 'staff' && (
              <Form.Item
                name="handlerUserId"
                label={t('act.staff')}
                rules={[{ required: true }]}
                extra={staff.more ? t('act.staffCapped', { n: staff.items.length }) : undefined}
              >
                <Select
                  showSearch={{ filterOption: false, onSearch: setStaffText }}
                  options={staffOptions}
                  data-testid="dispatch-staff"
                />
              </Form.Item>
            )}
          </>
        )}
        {type === 'verify' && (
          <Form.Item name="passed" label={t('act.passed')}>
            <Radio.Group
              options={[
                { value: true, label: t('act.pass') },
                { value: false, label: t('act.fail') },
              ]}
            />
          </Form.Item>
        )}
        {type === 'request_suspension' && (
          <Form.Item name="until" label={t('act.until')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
        )}
        {type === 'supervise' && (
          <Form.Item name="due" label={t('act.due')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
        )}
        {type === 'rate' && (
          <>
            <Form.Item name="score" label={t('case.rating')} rules={[{ required: true }]}>
              <Rate />
            </Form.Item>
            <Form.Item name="comment" label={t('act.note')}>
              <Input.TextArea maxLength={500} />
            </Form.Item>
          </>
        )}
        {type !== 'rate' && (
          <Form.Item name="note" label={t('act.note')} rules={noteRule}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="action-note" />
          </Form.Item>
        )}
        {(type === 'progress' || type === 'feedback') && (
          <Form.Item label={t('act.photo')}>
            <PhotoPicker files={photos} onChange={setPhotos} />
          </Form.Item>
        )}
        {type === 'verify' && <Alert type="info" showIcon title={t('verify.hint')} />}
      </Form>
    </Modal>
  );
}
