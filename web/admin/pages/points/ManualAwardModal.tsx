/**
 * 手工加分/扣分: a manual award or deduction under a rule item (volunteer service, …); it is then
 * reviewed and published like any award. An amount other than the rule's asks for a reason and
 * waits for another staff member's approval (the server enforces the caps).
 */
import { Alert, App, AutoComplete, Form, Input, InputNumber, Modal, Select } from 'antd';
import { allPages } from '../../../shared/allPages';
import { api } from '../../../shared/api';
import type { Award, RuleVersion } from '../../../shared/points';
import { useLoad } from '../../../shared/useLoad';
import type { Page } from '../../../shared/usePaged';
import { DivisionPicker } from '../../components/DivisionPicker';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { useBusyAction } from './useBusyAction';

interface Values {
  userId: string;
  ruleCode: string;
  placeCode: string;
  reason: string;
  amount?: number | null;
  amountReason?: string;
  sourceRef: string;
}

/** People who already have awards in my scope: the choices for a manual award and for a person's ledger. */
export function useKnownPeople(enabled: boolean) {
  return useLoad(async () => {
    if (!enabled) return [];
    const all = await allPages((cursor) =>
      api.get<Page<Award>>('/api/points/console/awards', { queue: 'all', cursor, limit: 200 }),
    );
    return [...new Map(all.map((a) => [a.userId, { userId: a.userId, name: a.userName }])).values()];
  }, [enabled]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ManualAwardModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const site = useSite();
  const [form] = Form.useForm<Values>();
  const [busy, run] = useBusyAction();
  const people = useKnownPeople(open);
  const rules = useLoad(
    () =>
      open
        ? allPages((cursor) => api.get<Page<RuleVersion>>('/api/points/console/rules', { cursor, limit: 200 }))
        : Promise.resolve([]),
    [open],
  );
  const manualRules = [
    ...new Map((rules.data ?? []).filter((r) => r.source === 'manual').map((r) => [r.code, r])).values(),
  ];
  const ruleCode = Form.useWatch('ruleCode', form);
  const amount = Form.useWatch('amount', form);
  const ruleAmount = manualRules.find((r) => r.code === ruleCode)?.amount;
  const adjusted = amount != null && ruleAmount !== undefined && amount !== ruleAmount;

  const submit = async () => {
    const v = await form.validateFields();
    await run(async () => {
      await api.post<Award>('/api/points/console/awards', {
        userId: v.userId.trim(),
        ruleCode: v.ruleCode,
        placeCode: v.placeCode,
        reason: v.reason.trim(),
        sourceRef: v.sourceRef.trim(),
        amount: v.amount ?? undefined,
        amountReason: adjusted ? v.amountReason?.trim() : undefined,
      });
      message.success(t('pts.created'));
      onDone();
    });
  };

  return (
    <Modal
      open={open}
      title={t('pts.manual')}
      onOk={submit}
      onCancel={onClose}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      afterClose={() => form.resetFields()}
    >
      <Alert
        type="info"
        showIcon
        title={t('pts.manualHint')}
        description={t('pts.secondPersonHint')}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" data-testid="pts-manual-form">
        <Form.Item
          name="userId"
          label={t('pts.userId')}
          extra={t('pts.userIdHint')}
          rules={[{ required: true, pattern: UUID, message: t('pts.userIdHint') }]}
        >
          <AutoComplete
            options={(people.data ?? []).map((p) => ({
              value: p.userId,
              label: `${p.name} · ${p.userId.slice(0, 8)}`,
            }))}
            filterOption={(input, o) =>
              String(o?.label ?? '').includes(input) || String(o?.value ?? '').startsWith(input)
            }
          />
        </Form.Item>
        <Form.Item name="ruleCode" label={t('pts.rule')} rules={[{ required: true }]}>
          <Select
            options={manualRules.map((r) => ({
              value: r.code,
              label: `${r.name}（${r.kind === 'earn' ? '+' : '−'}${r.amount}）`,
            }))}
            notFoundContent={t('pts.empty')}
          />
        </Form.Item>
        <Form.Item name="placeCode" label={t('pts.place')} rules={[{ required: true }]}>
          <DivisionPicker rootCodes={scopeRoots(me, site.county.code)} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pts.reason')}
          rules={[{ required: true, whitespace: true, message: t('pts.reasonRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="amount" label={t('pts.amount')} extra={t('pts.amountHint')}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} id="pts-manual-amount" />
        </Form.Item>
        {adjusted && (
          <Form.Item
            name="amountReason"
            label={t('pts.amountReason')}
            extra={t('pts.amountReasonHint', { rule: ruleAmount })}
            rules={[{ required: true, whitespace: true, message: t('pts.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} id="pts-manual-amount-reason" />
          </Form.Item>
        )}
        <Form.Item
          name="sourceRef"
          label={t('pts.sourceRef')}
          extra={t('pts.sourceRefHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
