/** One motion: its tally (entered once; a paper ballot confirmed by a second person) and its result with the rule. */
import { App, Button, Card, Descriptions, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../../shared/api';
import { MOTION_KIND_LABELS, type Motion, VOTE_METHOD_LABELS } from '../../../shared/deliberation';
import { useI18n } from '../../i18n';

type TallyForm = Record<'yes' | 'no' | 'abstain' | 'yesAreaDm2' | 'noAreaDm2' | 'abstainAreaDm2', number>;

export function MotionCard({ motion, owners, onChange }: { motion: Motion; owners: boolean; onChange: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TallyForm>();
  const action = motion.actions.includes('enter') ? 'enter' : motion.actions.includes('confirm') ? 'confirm' : null;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/motions/${motion.id}/${action === 'enter' ? 'tally' : 'confirm'}`, v);
      form.resetFields();
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const fields: (keyof TallyForm)[] = owners
    ? ['yes', 'no', 'abstain', 'yesAreaDm2', 'noAreaDm2', 'abstainAreaDm2']
    : ['yes', 'no', 'abstain'];
  const label = (f: keyof TallyForm) =>
    t(
      (
        {
          yes: 'dlb.yes',
          no: 'dlb.no',
          abstain: 'dlb.abstain',
          yesAreaDm2: 'dlb.areaYes',
          noAreaDm2: 'dlb.areaNo',
          abstainAreaDm2: 'dlb.areaAbstain',
        } as const
      )[f],
    );
  return (
    <Card
      size="small"
      title={`${motion.seq}. ${motion.title}`}
      data-testid={`dlb-motion-${motion.seq}`}
      extra={
        <Space>
          <Tag>{pick(VOTE_METHOD_LABELS[motion.method].zh, VOTE_METHOD_LABELS[motion.method].en)}</Tag>
          <Tag>{pick(MOTION_KIND_LABELS[motion.kind].zh, MOTION_KIND_LABELS[motion.kind].en)}</Tag>
          {motion.result ? (
            <Tag color={motion.result.passed ? 'green' : 'red'} data-testid="dlb-motion-result">
              {t(motion.result.passed ? 'dlb.passed' : 'dlb.failed')}
            </Tag>
          ) : motion.state === 'entered' ? (
            <Tag color="orange">{t('dlb.awaiting')}</Tag>
          ) : null}
        </Space>
      }
    >
      {motion.tally && (
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('dlb.yes')}>{motion.tally.yes}</Descriptions.Item>
          <Descriptions.Item label={t('dlb.no')}>{motion.tally.no}</Descriptions.Item>
          <Descriptions.Item label={t('dlb.abstain')}>{motion.tally.abstain}</Descriptions.Item>
        </Descriptions>
      )}
      {motion.result && (
        <Typography.Paragraph type="secondary">
          {pick(motion.result.explanation.zh, motion.result.explanation.en)}
        </Typography.Paragraph>
      )}
      {action && (
        <Form form={form} layout="inline" onFinish={submit}>
          {action === 'confirm' && <Typography.Text type="secondary">{t('dlb.confirmHint')}</Typography.Text>}
          {fields.map((f) => (
            <Form.Item key={f} name={f} label={label(f)} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} data-testid={`dlb-tally-${f}`} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" data-testid={`dlb-${action}`}>
            {t(action === 'enter' ? 'dlb.enter' : 'dlb.confirm')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
