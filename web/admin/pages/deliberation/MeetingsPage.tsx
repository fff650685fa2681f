/** 会议与表决: the meetings of my places, and noticing a new one (its roster is taken from the registers). */
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import {
  isCouncilMeeting,
  MEETING_STATE_LABELS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type Meeting,
  type MeetingSummary,
  type MeetingType,
} from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { MeetingFields, type NoticeFields, toNotice } from '../../components/MeetingFields';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

interface NewMeetingForm extends NoticeFields {
  meetingType: MeetingType;
  bodyCode: string;
}

export function MeetingsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewMeetingForm>();
  const meetings = usePaged((cursor) => api.get<Page<MeetingSummary>>('/api/meetings', { cursor }), []);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const m = await api.post<Meeting>('/api/meetings', toNotice(v));
      setCreating(false);
      navigate(`/meetings/${m.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle
        title={t('menu.meetings')}
        hint={t('dlb.meetingsHint')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="dlb-new-meeting">
            {t('dlb.new')}
          </Button>
        }
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meetings.items}
        loading={meetings.loading}
        onRow={(m) => ({ onClick: () => navigate(`/meetings/${m.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('dlb.titleField'), dataIndex: 'title' },
          {
            title: t('dlb.type'),
            dataIndex: 'meetingType',
            render: (v: MeetingType) => pick(MEETING_TYPE_LABELS[v].zh, MEETING_TYPE_LABELS[v].en),
          },
          { title: t('dlb.startsAt'), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('dlb.state'),
            dataIndex: 'state',
            render: (v: MeetingSummary['state']) => (
              <Tag>{pick(MEETING_STATE_LABELS[v].zh, MEETING_STATE_LABELS[v].en)}</Tag>
            ),
          },
        ]}
      />
      <LoadMore paged={meetings} />
      <Modal open={creating} title={t('dlb.new')} onOk={create} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ meetingType: 'villagers' }}>
          <Form.Item name="meetingType" label={t('dlb.type')} rules={[{ required: true }]}>
            <Select
              options={MEETING_TYPES.filter((v) => !isCouncilMeeting(v)).map((v) => ({
                value: v,
                label: pick(MEETING_TYPE_LABELS[v].zh, MEETING_TYPE_LABELS[v].en),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="bodyCode"
            label={t('dlb.body')}
            rules={[{ required: true, pattern: /^[0-9]{12}(C[0-9]{3})?$/ }]}
          >
            <Input />
          </Form.Item>
          <MeetingFields />
        </Form>
      </Modal>
    </>
  );
}
