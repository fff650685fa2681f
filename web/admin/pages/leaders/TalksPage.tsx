/** 宣讲团: the talks of the actor's places (newest first), and recording one. */
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { TalkLine } from './types';

interface TalkForm {
  scopeCode: string;
  speaker: string;
  topic: string;
  place: string;
  heldOn: Dayjs;
  audience: number;
}

export function TalksPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<TalkForm>();
  const talks = usePaged((cursor) => api.get<Page<TalkLine>>('/api/leaders/talks', { cursor }), []);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/leaders/talks', { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') });
      message.success(t('ldr.saved'));
      setAdding(false);
      form.resetFields();
      talks.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={t('menu.leadersTalks')}
        hint={t('ldr.talksHint')}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('ldr.addTalk')}
          </Button>
        }
      />
      <Card size="small">
        <ErrorAlert error={talks.error} onRetry={talks.reload} />
        <Table<TalkLine>
          rowKey="id"
          size="small"
          loading={talks.loading}
          dataSource={talks.items}
          pagination={false}
          columns={[
            { title: t('ldr.heldOn'), dataIndex: 'heldOn', width: 110 },
            { title: t('ldr.place'), dataIndex: 'scopeName', width: 140 },
            { title: t('ldr.speaker'), dataIndex: 'speaker', width: 140 },
            { title: t('ldr.topic'), dataIndex: 'topic' },
            { title: t('ldr.talkPlace'), dataIndex: 'place' },
            { title: t('ldr.audience'), dataIndex: 'audience', width: 90 },
          ]}
        />
        <LoadMore paged={talks} />
      </Card>
      <Modal open={adding} title={t('ldr.addTalk')} onOk={() => void save()} onCancel={() => setAdding(false)}>
        <Form form={form} layout="vertical">
          <Form.Item name="scopeCode" label={t('ldr.scopeCode')} rules={[{ required: true, pattern: /^[0-9]{6,12}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="speaker" label={t('ldr.speaker')} rules={[{ required: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="topic" label={t('ldr.topic')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={t('ldr.talkPlace')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="heldOn" label={t('ldr.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="audience" label={t('ldr.audience')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
