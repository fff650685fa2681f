/**
 * 合作社与资产合同: the three cooperatives of 村社合一, collective assets, and contracts (leases) with
 * their payment schedule; a due passed unpaid is flagged red; payments received are recorded per due.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import {
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  COOPERATIVE_KIND_LABELS,
  COOPERATIVE_KINDS,
} from '../../../../src/server/modules/economy/economy.labels';
import type { Asset, Contract, Cooperative } from '../../../../src/server/modules/economy/economy.schema';
import { api, errorMessage } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { SheetImport } from '../../components/SheetImport';
import { useI18n } from '../../i18n';
import { yuan, yuanToFen } from './money';

type Values = Record<string, unknown>;
const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : null);
const fen = (v: unknown) => yuanToFen(v as string) ?? Number.NaN;

/** A "新增" button opening a form; the form's values go to `save`. */
function AddButton({
  title,
  save,
  children,
}: {
  title: string;
  save: (v: Values) => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async (v: Values) => {
    try {
      await save(v);
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('econ.add')}
      </Button>
      <Modal open={open} title={title} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {children}
        </Form>
      </Modal>
    </>
  );
}

const VillageField = () => {
  const { t } = useI18n();
  return (
    <Form.Item name="villageCode" label={t('econ.villageCode')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
      <Input maxLength={12} />
    </Form.Item>
  );
};

function usePage<T>(path: string) {
  return usePaged((cursor) => api.get<Page<T>>(path, { cursor }), [path]);
}

export function RegistersPage() {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const coops = usePage<Cooperative>('/api/economy/cooperatives');
  const assets = usePage<Asset>('/api/economy/assets');
  const contracts = usePage<Contract>('/api/economy/contracts');
  const exportButton = (sheet: string) => (
    <Button
      icon={<DownloadOutlined />}
      onClick={() => void api.download(`/api/economy/registers/${sheet}/export.xlsx`, {}, `${sheet}.xlsx`)}
    >
      {t('econ.export')}
    </Button>
  );
  const importTools = (sheet: 'cooperatives' | 'assets' | 'contracts', onImported: () => void) => (
    <SheetImport
      importUrl={`/api/economy/registers/${sheet}/imports`}
      template={{ url: `/api/economy/registers/${sheet}/template.xlsx`, name: `${sheet}-template.xlsx` }}
      onImported={onImported}
    />
  );
  const pay = async (c: Contract, dueId: string, outstanding: number) => {
    try {
      await api.post(`/api/economy/contracts/${c.id}/dues/${dueId}/payments`, {
        amountFen: outstanding,
        paidOn: new Date().toISOString().slice(0, 10),
      });
      contracts.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle title={t('menu.econRegisters')} hint={t('econ.registersHint')} />
      <Tabs
        items={[
          {
            key: 'coops',
            label: t('econ.cooperatives'),
            children: (
              <>
                {importTools('cooperatives', coops.reload)}
                <Space style={{ marginBottom: 12 }}>
                  <AddButton
                    title={t('econ.cooperatives')}
                    save={async (v) => {
                      await api.post('/api/economy/cooperatives', { ...v, registeredOn: day(v.registeredOn) });
                      coops.reload();
                    }}
                  >
                    <VillageField />
                    <Form.Item name="kind" label={t('econ.kind')} rules={[{ required: true }]}>
                      <Select
                        options={COOPERATIVE_KINDS.map((k) => ({
                          value: k,
                          label: pick(COOPERATIVE_KIND_LABELS[k].zh, COOPERATIVE_KIND_LABELS[k].en),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name="name" label={t('econ.name')} rules={[{ required: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="members" label={t('econ.members')} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={0} />
                    </Form.Item>
                    <Form.Item name="registrationNo" label={t('econ.registrationNo')}>
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item name="registeredOn" label={t('econ.registeredOn')}>
                      <DatePicker />
                    </Form.Item>
                  </AddButton>
                  {exportButton('cooperatives')}
                </Space>
                <Table<Cooperative>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={coops.items}
                  columns={[
                    { title: t('econ.village'), dataIndex: 'villageName' },
                    {
                      title: t('econ.kind'),
                      dataIndex: 'kind',
                      render: (k: Cooperative['kind']) =>
                        pick(COOPERATIVE_KIND_LABELS[k].zh, COOPERATIVE_KIND_LABELS[k].en),
                    },
                    { title: t('econ.name'), dataIndex: 'name' },
                    { title: t('econ.members'), dataIndex: 'members' },
                    { title: t('econ.registrationNo'), dataIndex: 'registrationNo' },
                    { title: t('econ.registeredOn'), dataIndex: 'registeredOn' },
                  ]}
                />
                <LoadMore paged={coops} />
              </>
            ),
          },
          {
            key: 'assets',
            label: t('econ.assets'),
            children: (
              <>
                {importTools('assets', assets.reload)}
                <Space style={{ marginBottom: 12 }}>
                  <AddButton
                    title={t('econ.assets')}
                    save={async (v) => {
                      await api.post('/api/economy/assets', {
                        ...v,
                        bookValueFen: fen(v.bookValue ?? '0'),
                        bookValue: undefined,
                      });
                      assets.reload();
                    }}
                  >
                    <VillageField />
                    <Form.Item name="kind" label={t('econ.kind')} rules={[{ required: true }]}>
                      <Select
                        options={ASSET_KINDS.map((k) => ({
                          value: k,
                          label: pick(ASSET_KIND_LABELS[k].zh, ASSET_KIND_LABELS[k].en),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name="name" label={t('econ.name')} rules={[{ required: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="quantity" label={t('econ.quantity')}>
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item name="bookValue" label={t('econ.bookValue')}>
                      <InputNumber<string> stringMode min="0" precision={2} />
                    </Form.Item>
                  </AddButton>
                  {exportButton('assets')}
                </Space>
                <Table<Asset>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={assets.items}
                  columns={[
                    { title: t('econ.village'), dataIndex: 'villageName' },
                    {
                      title: t('econ.kind'),
                      dataIndex: 'kind',
                      render: (k: Asset['kind']) => pick(ASSET_KIND_LABELS[k].zh, ASSET_KIND_LABELS[k].en),
                    },
                    { title: t('econ.name'), dataIndex: 'name' },
                    { title: t('econ.quantity'), dataIndex: 'quantity' },
                    { title: t('econ.bookValue'), dataIndex: 'bookValueFen', render: (v: number) => yuan(v) },
                  ]}
                />
                <LoadMore paged={assets} />
              </>
            ),
          },
          {
            key: 'contracts',
            label: t('econ.contracts'),
            children: (
              <>
                {importTools('contracts', contracts.reload)}
                <Space style={{ marginBottom: 12 }}>
                  <AddButton
                    title={t('econ.contracts')}
                    save={async (v) => {
                      const dues = ((v.dues as Values[] | undefined) ?? []).map((d) => ({
                        dueOn: day(d.dueOn),
                        amountFen: fen(d.amount),
                      }));
                      await api.post('/api/economy/contracts', {
                        villageCode: v.villageCode,
                        subject: v.subject,
                        counterparty: v.counterparty,
                        startsOn: day(v.startsOn),
                        endsOn: day(v.endsOn),
                        dues,
                      });
                      contracts.reload();
                    }}
                  >
                    <VillageField />
                    <Form.Item name="subject" label={t('econ.subject')} rules={[{ required: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="counterparty" label={t('econ.counterparty')} rules={[{ required: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Space>
                      <Form.Item name="startsOn" label={t('econ.term')} rules={[{ required: true }]}>
                        <DatePicker />
                      </Form.Item>
                      <Form.Item name="endsOn" label=" " rules={[{ required: true }]}>
                        <DatePicker />
                      </Form.Item>
                    </Space>
                    <Form.List name="dues">
                      {(fields, { add }) => (
                        <>
                          {fields.map((f) => (
                            <Space key={f.key}>
                              <Form.Item name={[f.name, 'dueOn']} label={t('econ.dueOn')} rules={[{ required: true }]}>
                                <DatePicker />
                              </Form.Item>
                              <Form.Item
                                name={[f.name, 'amount']}
                                label={t('econ.amount')}
                                rules={[{ required: true }]}
                              >
                                <InputNumber<string> stringMode min="0.01" precision={2} />
                              </Form.Item>
                            </Space>
                          ))}
                          <Button onClick={() => add()}>{t('econ.addDue')}</Button>
                        </>
                      )}
                    </Form.List>
                  </AddButton>
                  {exportButton('contracts')}
                </Space>
                <Table<Contract>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={contracts.items}
                  expandable={{
                    expandedRowRender: (c) => (
                      <Table
                        rowKey="id"
                        size="small"
                        pagination={false}
                        dataSource={c.dues}
                        columns={[
                          { title: t('econ.dueOn'), dataIndex: 'dueOn' },
                          { title: t('econ.amount'), dataIndex: 'amountFen', render: (v: number) => yuan(v) },
                          { title: t('econ.paid'), dataIndex: 'paidFen', render: (v: number) => yuan(v) },
                          {
                            key: 'state',
                            render: (_: unknown, d: Contract['dues'][number]) =>
                              d.overdue ? (
                                <Tag color="red">{t('econ.overdue', { yuan: yuan(d.amountFen - d.paidFen) })}</Tag>
                              ) : null,
                          },
                          {
                            key: 'pay',
                            render: (_: unknown, d: Contract['dues'][number]) =>
                              d.paidFen < d.amountFen ? (
                                <Button size="small" onClick={() => void pay(c, d.id, d.amountFen - d.paidFen)}>
                                  {t('econ.pay')}
                                </Button>
                              ) : null,
                          },
                        ]}
                      />
                    ),
                  }}
                  columns={[
                    { title: t('econ.village'), dataIndex: 'villageName' },
                    { title: t('econ.subject'), dataIndex: 'subject' },
                    { title: t('econ.counterparty'), dataIndex: 'counterparty' },
                    {
                      title: t('econ.term'),
                      key: 'term',
                      render: (_: unknown, c: Contract) => `${c.startsOn} ~ ${c.endsOn}`,
                    },
                    {
                      title: t('econ.dues'),
                      key: 'overdue',
                      render: (_: unknown, c: Contract) =>
                        c.overdue ? (
                          <Tag color="red" data-testid="econ-overdue">
                            {t('econ.overdue', { yuan: yuan(c.overdueFen) })}
                          </Tag>
                        ) : (
                          <Tag color="green">{t('econ.onTime')}</Tag>
                        ),
                    },
                  ]}
                />
                <LoadMore paged={contracts} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
