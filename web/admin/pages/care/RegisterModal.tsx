/** Register a resident in special difficulty (officers): the person from the population register, categories, tier, the assigned grid worker, and the separate consent. */
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Person } from '../../../../src/server/modules/organisation/organisation.schema';
import type { RoleHolder } from '../../../../src/server/modules/access/access.schema';
import { CONSENT_LABELS, TIER_LABELS } from '../../../../src/server/modules/care/care.labels';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import type { Page } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import type { Settings } from './shared';

interface Values {
  residentId: string;
  categories: string[];
  tier: keyof typeof TIER_LABELS;
  workerId: string;
  consentBy: 'self' | 'guardian';
  consentOn: Dayjs;
  consentNote?: string;
}

export function RegisterModal({
  open,
  settings,
  onClose,
}: {
  open: boolean;
  settings?: Settings;
  onClose: (saved: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [people, setPeople] = useState<Person[]>([]);
  const scope = me.grants.find((g) =>
    ['village_officer', 'town_officer', 'county_officer'].includes(g.role),
  )?.scopeCode;
  const workers = useLoad(
    () =>
      scope && open
        ? api.get<Page<RoleHolder>>('/api/staff', { scope, role: 'grid_worker', limit: 200 })
        : Promise.resolve({ items: [], next: null, more: false }),
    [scope, open],
  );
  const zhEn = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      setPeople((await api.get<Page<Person>>('/api/people', { q: q.trim(), limit: 20 })).items);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/care/persons', {
        residentId: v.residentId,
        categories: v.categories,
        tier: v.tier,
        workerId: v.workerId,
        consent: { by: v.consentBy, on: v.consentOn.format('YYYY-MM-DD'), note: v.consentNote?.trim() || undefined },
      });
      message.success(t('care.registered'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title={t('care.register')}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ tier: 'key', consentBy: 'self', consentOn: dayjs() }}
      >
        <Form.Item name="residentId" label={t('care.name')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={(q) => void search(q)}
            placeholder={t('care.search')}
            options={people.map((p) => ({ value: p.id, label: `${p.name} · ${p.address}` }))}
          />
        </Form.Item>
        <Form.Item name="categories" label={t('care.categories')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={(settings?.categories ?? []).map((c) => ({ value: c.key, label: zhEn(c) }))}
          />
        </Form.Item>
        <Form.Item name="tier" label={t('care.tier')}>
          <Radio.Group
            options={(['high', 'key', 'general'] as const).map((k) => ({ value: k, label: zhEn(TIER_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="workerId" label={t('care.worker')} rules={[{ required: true }]}>
          <Select
            loading={workers.loading}
            options={(workers.data?.items ?? []).map((w) => ({
              value: w.userId,
              label: `${w.displayName} · ${w.scopeName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="consentBy" label={t('care.consent')}>
          <Radio.Group
            options={(['self', 'guardian'] as const).map((k) => ({ value: k, label: zhEn(CONSENT_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="consentOn" label={t('care.consentOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="consentNote" label={t('care.consentNote')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
