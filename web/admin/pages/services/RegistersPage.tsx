/** 共建单位与下沉干部: units (with totals), cadres (with their record), work groups; 台账 import/export; errand items; 一社一品. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tabs, Typography } from 'antd';
import type { ErrandItem, ErrandItemInput } from '../../../../src/server/modules/services/errands.schema';
import { UNIT_KIND_LABELS } from '../../../../src/server/modules/services/services.labels';
import type { Cadre, Unit } from '../../../../src/server/modules/services/units.schema';
import { api, errorMessage } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { SheetImport } from '../../components/SheetImport';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

type Sheet = 'units' | 'groups' | 'cadres';

function SheetTools({ sheet, onImported }: { sheet: Sheet; onImported: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <Space align="start" wrap>
      {can('services.registers') && (
        <SheetImport importUrl={`/api/services/console/registers/${sheet}/imports`} onImported={onImported} />
      )}
      <Button
        icon={<DownloadOutlined />}
        onClick={() => api.download(`/api/services/console/registers/${sheet}/export.xlsx`, {}, `${sheet}.xlsx`)}
      >
        {t('svc.export')}
      </Button>
    </Space>
  );
}

function UnitsTab() {
  const { t, lang } = useI18n();
  const units = usePaged((cursor) => api.get<Page<Unit>>('/api/services/console/units', { cursor }), []);
  return (
    <>
      <SheetTools sheet="units" onImported={units.reload} />
      <ErrorAlert error={units.error} onRetry={units.reload} />
      <Table<Unit>
        rowKey="id"
        loading={units.loading}
        dataSource={units.items}
        pagination={false}
        columns={[
          { title: t('svc.units'), dataIndex: 'name' },
          { title: t('svc.unitKind'), render: (_, u) => UNIT_KIND_LABELS[u.kind][lang === 'en' ? 'en' : 'zh'] },
          { title: t('svc.cadreCount'), dataIndex: 'cadres' },
          { title: t('svc.activitiesCount'), render: (_, u) => `${u.activitiesOrganised} / ${u.cadreActivities}` },
          { title: t('svc.hours'), dataIndex: 'cadreHours' },
          { title: t('svc.errandsCount'), dataIndex: 'errandsDone' },
          { title: t('svc.thanks'), dataIndex: 'thanks' },
        ]}
      />
      <LoadMore paged={units} />
    </>
  );
}

function CadresTab() {
  const { t } = useI18n();
  const cadres = usePaged((cursor) => api.get<Page<Cadre>>('/api/services/console/cadres', { cursor }), []);
  return (
    <>
      <SheetTools sheet="cadres" onImported={cadres.reload} />
      <SheetTools sheet="groups" onImported={cadres.reload} />
      <ErrorAlert error={cadres.error} onRetry={cadres.reload} />
      <Table<Cadre>
        rowKey="id"
        loading={cadres.loading}
        dataSource={cadres.items}
        pagination={false}
        columns={[
          { title: t('svc.person'), render: (_, c) => `${c.name} ${c.phoneMasked}` },
          { title: t('svc.units'), dataIndex: 'unitName' },
          { title: t('svc.community'), dataIndex: 'communityName' },
          { title: t('svc.since'), dataIndex: 'since' },
          { title: t('svc.group'), dataIndex: 'workGroupName' },
          { title: t('svc.activitiesCount'), dataIndex: 'activities' },
          { title: t('svc.hours'), dataIndex: 'hours' },
          { title: t('svc.errandsCount'), dataIndex: 'errands' },
          { title: t('svc.thanks'), dataIndex: 'thanks' },
          { title: t('svc.visits'), dataIndex: 'visits' },
          {
            title: t('svc.visitsOverdue'),
            render: (_, c) =>
              c.visitsOverdue ? <Typography.Text type="danger">{c.visitsOverdue}</Typography.Text> : 0,
          },
        ]}
      />
      <LoadMore paged={cadres} />
    </>
  );
}

function ItemsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<ErrandItemInput, 'documents'> & { documents: string }>();
  const items = useLoad(() => api.get<ErrandItem[]>('/api/services/console/errand-items'), []);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put('/api/services/console/errand-items', {
        ...v,
        documents: v.documents
          ? v.documents
              .split(/[、,，]/)
              .map((d) => d.trim())
              .filter(Boolean)
          : [],
      });
      message.success(t('svc.done'));
      items.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Form form={form} layout="inline" initialValues={{ timeLimitDays: 5, active: true }} style={{ marginBottom: 12 }}>
        <Form.Item name="code" label={t('svc.itemCode')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/ }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="name" label={t('svc.item')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('svc.itemKind')} rules={[{ required: true }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="documents" label={t('svc.documents')}>
          <Input />
        </Form.Item>
        <Form.Item name="timeLimitDays" label={t('svc.timeLimit')}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" onClick={save}>
          {t('svc.saveItem')}
        </Button>
      </Form>
      <Table<ErrandItem>
        rowKey="id"
        dataSource={items.data ?? []}
        pagination={false}
        onRow={(i) => ({ onClick: () => form.setFieldsValue({ ...i, documents: i.documents.join('、') }) })}
        columns={[
          { title: t('svc.itemCode'), dataIndex: 'code' },
          { title: t('svc.item'), dataIndex: 'name' },
          { title: t('svc.itemKind'), dataIndex: 'kind' },
          { title: t('svc.documents'), render: (_, i) => i.documents.join('、') },
          { title: t('svc.timeLimit'), dataIndex: 'timeLimitDays' },
        ]}
      />
    </>
  );
}

function SignatureTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string; description: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put(`/api/services/signatures/${v.code}`, { name: v.name, description: v.description ?? '' });
      message.success(t('svc.done'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }}>
      <Form.Item name="code" label={t('svc.signatureCode')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('svc.signatureName')} rules={[{ required: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('svc.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" onClick={save}>
        {t('svc.save')}
      </Button>
    </Form>
  );
}

export function RegistersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <>
      <PageTitle title={t('menu.svcRegisters')} hint={t('svc.registersHint')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'units', label: t('svc.units'), children: <UnitsTab /> },
            { key: 'cadres', label: t('svc.cadres'), children: <CadresTab /> },
            ...(can('services.registers') ? [{ key: 'items', label: t('svc.items'), children: <ItemsTab /> }] : []),
            { key: 'signature', label: t('svc.signature'), children: <SignatureTab /> },
          ]}
        />
      </Card>
    </>
  );
}
