/** 服务活动: publish, the list of my places' activities, and one activity's sign-ups with attendance and hours. */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  QRCode,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Activity, ActivityInput, Signup } from '../../../../src/server/modules/services/activities.schema';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  AUDIENCE_LABELS,
  AUDIENCES,
  SIGNUP_STATE_LABELS,
} from '../../../../src/server/modules/services/services.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useLoad } from '../../../shared/useLoad';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { SheetImport } from '../../components/SheetImport';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

type Form_ = Omit<ActivityInput, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };

export function ActivitiesPage() {
  const { t, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const { me } = useSession();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Activity | null>(null);
  const [form] = Form.useForm<Form_>();
  const drill = useDrillFilter(); // ?scope=&from=&to=: a cockpit figure's activities (starting in the period)
  const list = usePaged(
    (cursor) => api.get<Page<Activity>>('/api/services/console/activities', { cursor, ...drill.filter }),
    [drill.key],
  );
  const village = me.grants.find((g) => g.scopeCode.length >= 12)?.scopeCode.slice(0, 12) ?? '';

  const publish = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/services/activities', {
        ...v,
        organiserKind: 'community',
        startsAt: new Date(v.startsAt).toISOString(),
        endsAt: new Date(v.endsAt).toISOString(),
      });
      message.success(t('svc.done'));
      setCreating(false);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle
        title={t('menu.svcActivities')}
        hint={t('svc.activitiesHint')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="svc-new-activity"
          >
            {t('svc.newActivity')}
          </Button>
        }
      />
      <Card size="small">
        <DrillFilterBar filter={drill.filter} onChange={drill.update} />
        <SheetImport
          importUrl="/api/services/activities/imports"
          template={{ url: '/api/services/activities/template.xlsx', name: 'activities-template.xlsx' }}
          onImported={list.reload}
        />
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<Activity>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          onRow={(a) =>
            ({ onClick: () => setOpen(a), 'data-activity': a.title }) as React.HTMLAttributes<HTMLTableRowElement>
          }
          columns={[
            { title: t('svc.title'), dataIndex: 'title' },
            { title: t('svc.kind'), dataIndex: 'kind', render: (k: Activity['kind']) => ACTIVITY_KIND_LABELS[k][l] },
            { title: t('svc.startsAt'), dataIndex: 'startsAt', render: formatDateTime },
            { title: t('svc.place'), dataIndex: 'place' },
            { title: t('svc.enrolled'), render: (_, a) => `${a.enrolled}/${a.capacity}` },
            { title: t('svc.waiting'), dataIndex: 'waiting' },
            {
              title: t('svc.state'),
              dataIndex: 'state',
              render: (s: string) => <Tag>{t(s === 'cancelled' ? 'svc.cancelledState' : 'svc.publishedState')}</Tag>,
            },
          ]}
        />
        <LoadMore paged={list} />
      </Card>
      <Modal
        open={creating}
        title={t('svc.newActivity')}
        onOk={publish}
        onCancel={() => setCreating(false)}
        width={640}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ divisionCode: village, kind: 'volunteer', audience: 'everyone', capacity: 20, radiusM: 300 }}
        >
          <Form.Item name="title" label={t('svc.title')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="svc-act-title" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t('svc.kind')}>
              <Select
                style={{ width: 160 }}
                options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k][l] }))}
              />
            </Form.Item>
            <Form.Item name="audience" label={t('svc.audience')}>
              <Select
                style={{ width: 180 }}
                options={AUDIENCES.map((k) => ({ value: k, label: AUDIENCE_LABELS[k][l] }))}
              />
            </Form.Item>
            <Form.Item name="capacity" label={t('svc.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} />
            </Form.Item>
          </Space>
          <Form.Item
            name="divisionCode"
            label={t('svc.division')}
            rules={[{ required: true, pattern: /^[0-9]{12,15}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="place" label={t('svc.place')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="lng" label={t('svc.lng')} rules={[{ required: true }]}>
              <InputNumber min={-180} max={180} step={0.0001} />
            </Form.Item>
            <Form.Item name="lat" label={t('svc.lat')} rules={[{ required: true }]}>
              <InputNumber min={-90} max={90} step={0.0001} />
            </Form.Item>
            <Form.Item name="startsAt" label={t('svc.startsAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="endsAt" label={t('svc.endsAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('svc.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={!!open} onClose={() => (setOpen(null), list.reload())} width={760} title={open?.title}>
        {open && <ActivityDetail activity={open} />}
      </Drawer>
    </>
  );
}

function ActivityDetail({ activity }: { activity: Activity }) {
  const { t, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const [hours, setHours] = useState<Record<string, number | null>>({});
  const signups = useLoad(
    () => api.get<Signup[]>(`/api/services/console/activities/${activity.id}/signups`),
    [activity.id],
  );
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('svc.done'));
      signups.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {activity.checkinPath && (
        <Space align="start" data-checkin-url={`${window.location.origin}${activity.checkinPath}`}>
          {/* scanned with the phone's own camera, it opens the activity in the resident app with the code filled in */}
          <QRCode value={`${window.location.origin}${activity.checkinPath}`} size={120} />
          <div>
            <Typography.Text type="secondary">{t('svc.checkinCode')}</Typography.Text>
            <Typography.Title level={2} data-testid="svc-checkin-code">
              {activity.checkinCode}
            </Typography.Title>
            <Typography.Text>
              {formatDateTime(activity.startsAt)} – {formatDateTime(activity.endsAt)} · {activity.place}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('svc.checkinQrHint')}</Typography.Text>
          </div>
        </Space>
      )}
      {activity.state === 'published' && (
        <Button danger onClick={() => run(() => api.post(`/api/services/activities/${activity.id}/cancel`))}>
          {t('svc.cancelActivity')}
        </Button>
      )}
      <Typography.Title level={5}>{t('svc.signups')}</Typography.Title>
      <ErrorAlert error={signups.error} onRetry={signups.reload} />
      <Table<Signup>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={signups.data ?? []}
        onRow={(s) => ({ 'data-signup': s.userName }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('svc.person'), render: (_, s) => `${s.userName} ${s.phoneMasked ?? ''}` },
          { title: t('svc.state'), dataIndex: 'state', render: (s: Signup['state']) => SIGNUP_STATE_LABELS[s][l] },
          {
            title: t('svc.checkin'),
            render: (_, s) =>
              s.checkedInAt ? (
                formatDateTime(s.checkedInAt)
              ) : s.state === 'enrolled' ? (
                <Button
                  size="small"
                  onClick={() =>
                    run(() => api.post(`/api/services/console/signups/${s.id}/attendance`, { step: 'checkin' }))
                  }
                >
                  {t('svc.checkin')}
                </Button>
              ) : null,
          },
          {
            title: t('svc.checkout'),
            render: (_, s) =>
              s.checkedOutAt ? (
                formatDateTime(s.checkedOutAt)
              ) : s.checkedInAt ? (
                <Button
                  size="small"
                  onClick={() =>
                    run(() => api.post(`/api/services/console/signups/${s.id}/attendance`, { step: 'checkout' }))
                  }
                >
                  {t('svc.checkout')}
                </Button>
              ) : null,
          },
          {
            title: t('svc.hours'),
            render: (_, s) =>
              s.confirmedAt ? (
                <Tag color="green" data-testid="svc-confirmed">
                  {t('svc.confirmed', { n: s.hours ?? 0 })}
                </Tag>
              ) : s.state === 'enrolled' ? (
                <Space.Compact>
                  <InputNumber
                    size="small"
                    min={0.25}
                    max={24}
                    step={0.25}
                    style={{ width: 80 }}
                    value={hours[s.id] ?? null}
                    onChange={(v) => setHours((h) => ({ ...h, [s.id]: v }))}
                  />
                  <Button
                    size="small"
                    type="primary"
                    data-testid="svc-confirm"
                    onClick={() =>
                      run(async () => {
                        const r = await api.post<{ points: number | null }>(
                          `/api/services/console/signups/${s.id}/confirm`,
                          hours[s.id] ? { hours: hours[s.id] } : {},
                        );
                        if (r.points) message.info(t('svc.points', { n: r.points }));
                      })
                    }
                  >
                    {t('svc.confirm')}
                  </Button>
                </Space.Compact>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
