/**
 * 集体收入台账: villages of the officer's area with their collective income by source for a year, an
 * entry/correction form per village (amounts in yuan, sent as whole fen), the xlsx template, import
 * and export, and publishing the month's summary to the 村务公开 board.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import {
  INCOME_SOURCE_LABELS,
  INCOME_SOURCES,
  type IncomeSource,
} from '../../../../src/server/modules/economy/economy.labels';
import type {
  ImportOutcome,
  VillageIncome,
  VillageIncomePage,
} from '../../../../src/server/modules/economy/economy.schema';
import { api, errorMessage } from '../../../shared/api';
import { usePaged } from '../../../shared/usePaged';
import { DivisionPicker } from '../../components/DivisionPicker';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { yuan, yuanToFen } from './money';
import { YEARS } from './SharePage';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function EntryForm({ row, year, onDone }: { row: VillageIncome; year: number; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, string | undefined>) => {
    const amounts: Partial<Record<IncomeSource, number>> = {};
    for (const s of INCOME_SOURCES) {
      const v = values[s];
      if (v === undefined || v === null || v === '') continue;
      const fen = yuanToFen(v);
      amounts[s] = fen ?? Number.NaN; // the server names the rule a bad amount breaks
    }
    setBusy(true);
    try {
      await api.put(`/api/economy/incomes/${row.code}/${year}`, { amounts, note: values.note ?? '' });
      message.success(t('econ.saved'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={Object.fromEntries(
        INCOME_SOURCES.map((s) => [s, row.amounts[s] === undefined ? undefined : (row.amounts[s]! / 100).toFixed(2)]),
      )}
    >
      {INCOME_SOURCES.map((s) => (
        <Form.Item key={s} name={s} label={pick(INCOME_SOURCE_LABELS[s].zh, INCOME_SOURCE_LABELS[s].en)}>
          <InputNumber<string>
            stringMode
            min="0"
            precision={2}
            style={{ width: '100%' }}
            data-testid={`econ-amount-${s}`}
          />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('econ.note')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="econ-save">
        {t('econ.enter')}
      </Button>
    </Form>
  );
}

export function IncomesPage() {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const site = useSite();
  const [year, setYear] = useState(YEARS[0]);
  const [scope, setScope] = useState<string | undefined>();
  const [editing, setEditing] = useState<VillageIncome | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const paged = usePaged(
    async (cursor) => {
      const page = await api.get<VillageIncomePage>('/api/economy/incomes', { year, scope, cursor });
      setThreshold(page.thresholdFen);
      return page;
    },
    [year, scope],
  );
  const upload = async (file: File) => {
    try {
      const r = await api.upload<ImportOutcome>('/api/economy/incomes/imports', await file.arrayBuffer(), XLSX, {
        mode: 'all-or-nothing',
      });
      if (r.errorCount > 0)
        Modal.error({
          title: t('econ.importErrors', { n: r.errorCount }),
          content: (
            <ul>
              {r.errors.slice(0, 30).map((e) => (
                <li key={`${e.row}-${e.column}-${e.code}`}>
                  {e.row} · {e.column}: {pick(e.reason.zh, e.reason.en)}
                </li>
              ))}
            </ul>
          ),
        });
      else message.success(t('econ.imported', { n: r.importedRows }));
      paged.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };
  const publish = async (code: string) => {
    const now = new Date();
    try {
      await api.post('/api/economy/disclosures', {
        villageCode: code,
        year: now.getFullYear(),
        month: now.getMonth() + 1,
      });
      message.success(t('econ.published'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={t('menu.econIncomes')}
        hint={t('econ.incomesHint')}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void api.download('/api/economy/incomes/template.xlsx', {}, 'template.xlsx')}
            >
              {t('econ.template')}
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}>
              <Button icon={<UploadOutlined />}>{t('econ.import')}</Button>
            </Upload>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void api.download('/api/economy/registers/incomes/export.xlsx', { year }, 'incomes.xlsx')}
            >
              {t('econ.export')}
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('econ.year')}</span>
        <Select
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: y }))}
          data-testid="econ-year"
        />
        <span>{t('econ.scope')}</span>
        <DivisionPicker
          rootCodes={scopeRoots(me, site.county.code)}
          value={scope}
          onChange={(c) => setScope(c)}
          style={{ width: 220 }}
        />
        {threshold !== null && <span>{t('econ.threshold', { yuan: yuan(threshold) })}</span>}
      </Space>
      <Table<VillageIncome>
        rowKey="code"
        size="small"
        pagination={false}
        loading={paged.loading}
        dataSource={paged.items}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('econ.village'), dataIndex: 'name', fixed: 'left' },
          ...INCOME_SOURCES.map((s) => ({
            key: s,
            title: pick(INCOME_SOURCE_LABELS[s].zh, INCOME_SOURCE_LABELS[s].en),
            render: (_: unknown, r: VillageIncome) => (r.amounts[s] === undefined ? '—' : yuan(r.amounts[s]!)),
          })),
          { title: t('econ.total'), dataIndex: 'totalFen', render: (v: number) => yuan(v) },
          {
            title: t('econ.above'),
            dataIndex: 'above',
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('econ.above') : t('econ.below')}</Tag>,
          },
          {
            key: 'actions',
            render: (_: unknown, r: VillageIncome) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r)} data-testid={`econ-enter-${r.code}`}>
                  {t('econ.enter')}
                </Button>
                <Button size="small" onClick={() => void publish(r.code)}>
                  {t('econ.publish')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <LoadMore paged={paged} />
      <Modal
        open={editing !== null}
        title={editing ? t('econ.enterTitle', { village: editing.name, year }) : ''}
        footer={null}
        destroyOnHidden
        onCancel={() => setEditing(null)}
      >
        {editing && (
          <EntryForm
            row={editing}
            year={year}
            onDone={() => {
              setEditing(null);
              paged.reload();
            }}
          />
        )}
      </Modal>
    </>
  );
}
