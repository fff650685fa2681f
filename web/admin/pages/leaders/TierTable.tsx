/** Tiered managements (正向/负向提级管理) with a review button for the unreviewed ones. */
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { DIRECTION_LABELS, label, OUTCOME_LABELS, OUTCOMES, TIER_LABELS, type TierLine } from './types';

export function TierTable({
  tiers,
  onChanged,
  withPerson,
  onOpen,
}: {
  tiers: TierLine[];
  onChanged: () => void;
  withPerson?: boolean;
  onOpen?: (t: TierLine) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [reviewing, setReviewing] = useState<TierLine | null>(null);
  const [form] = Form.useForm<{ outcome: string; note?: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/leaders/tiers/${reviewing?.id}/review`, {
        outcome: v.outcome,
        note: v.note?.trim() || undefined,
      });
      message.success(t('ldr.saved'));
      setReviewing(null);
      form.resetFields();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Table<TierLine>
        rowKey="id"
        size="small"
        data-testid="leaders-tiers"
        pagination={false}
        dataSource={tiers}
        onRow={(r) => (onOpen ? { onClick: () => onOpen(r), style: { cursor: 'pointer' } } : {})}
        columns={[
          ...(withPerson
            ? [
                { title: t('ldr.village'), dataIndex: 'villageName', width: 140 },
                { title: t('ldr.name'), dataIndex: 'personName', width: 90 },
              ]
            : []),
          {
            title: t('ldr.direction'),
            dataIndex: 'direction',
            render: (d: TierLine['direction']) => label(DIRECTION_LABELS[d], lang),
          },
          { title: t('ldr.tier'), dataIndex: 'tier', render: (x: TierLine['tier']) => label(TIER_LABELS[x], lang) },
          { title: t('ldr.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('ldr.period'), key: 'period', render: (_: unknown, r) => `${r.periodStart}～${r.periodEnd}` },
          {
            title: t('ldr.reviewOn'),
            dataIndex: 'reviewOn',
            render: (d: string, r) => (
              <>
                {d} {r.due && <Tag color="orange">{t('ldr.due')}</Tag>}
              </>
            ),
          },
          {
            title: t('ldr.outcome'),
            key: 'outcome',
            render: (_: unknown, r) =>
              r.outcome ? (
                label(OUTCOME_LABELS[r.outcome], lang)
              ) : (
                <Button
                  size="small"
                  data-testid="leaders-review"
                  onClick={(e) => {
                    e.stopPropagation();
                    setReviewing(r);
                  }}
                >
                  {t('ldr.review')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={reviewing !== null}
        title={t('ldr.reviewTitle')}
        onOk={() => void submit()}
        onCancel={() => setReviewing(null)}
        okButtonProps={{ 'data-testid': 'leaders-review-submit' } as Record<string, string>}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="outcome" label={t('ldr.outcome')} rules={[{ required: true }]}>
            <Select
              data-testid="leaders-review-outcome"
              options={OUTCOMES.map((o) => ({ value: o, label: label(OUTCOME_LABELS[o], lang) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('ldr.note')}>
            <Input.TextArea maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
