/**
 * 常见问题: the problems residents pick in plain words (issue #11) — word, synonyms, the category a
 * case is filed under, order, enabled — for county officers (categories.manage); every change audited
 * by the server, which refuses a term another problem already has (the message names it).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { type CategoryFull, categoryName } from '../../../shared/cases';
import type { ProblemWord } from '../../../shared/problem-words';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

type Editing = ProblemWord | 'new' | null;
type Values = Pick<ProblemWord, 'word' | 'synonyms' | 'categoryCode' | 'sortOrder' | 'enabled'>;

export function ProblemWordsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const words = useLoad(() => api.get<ProblemWord[]>('/api/problem-words', { includeDisabled: 'true' }), []);
  const categories = useLoad(() => api.get<CategoryFull[]>('/api/categories'), []);
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<Values>();

  const byCode = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c])), [categories.data]);
  const options = useMemo(
    () =>
      (categories.data ?? [])
        .filter((c) => c.kind !== 'major' && !/^\d{2}$/.test(c.code) && c.code !== 'LM1')
        .map((c) => ({ value: c.code, label: `${categoryName(c, lang)}（${c.code}）` })),
    [categories.data, lang],
  );
  const rows = useMemo(() => {
    const needle = q.trim();
    return (words.data ?? []).filter(
      (w) =>
        !needle ||
        w.word.includes(needle) ||
        w.synonyms.some((s) => s.includes(needle)) ||
        (byCode.get(w.categoryCode)?.name ?? '').includes(needle),
    );
  }, [words.data, q, byCode]);

  const open = (e: Editing) => {
    setEditing(e);
    form.setFieldsValue(
      e === 'new' || e === null
        ? { word: '', synonyms: [], categoryCode: undefined, sortOrder: 0, enabled: true }
        : {
            word: e.word,
            synonyms: e.synonyms,
            categoryCode: e.categoryCode,
            sortOrder: e.sortOrder,
            enabled: e.enabled,
          },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (editing === 'new') await api.post('/api/problem-words', v);
      else if (editing) await api.patch(`/api/problem-words/${editing.id}`, v);
      message.success(t('pw.saved'));
      setEditing(null);
      words.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageTitle
        title={t('menu.problemWords')}
        hint={t('pw.hint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="pw-add">
            {t('pw.add')}
          </Button>
        }
      />
      <ErrorAlert error={words.error ?? categories.error} onRetry={words.reload} />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('pw.search')} onChange={(e) => setQ(e.target.value)} />
        </Space>
        <Table<ProblemWord>
          rowKey="id"
          size="middle"
          loading={words.loading}
          dataSource={rows}
          pagination={false}
          onRow={(w) => ({ onClick: () => open(w), 'data-word': w.word }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('pw.order'), dataIndex: 'sortOrder', width: 80 },
            { title: t('pw.word'), dataIndex: 'word', width: 160 },
            {
              title: t('pw.synonyms'),
              dataIndex: 'synonyms',
              render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
            },
            {
              title: t('pw.category'),
              dataIndex: 'categoryCode',
              width: 220,
              render: (code: string) => {
                const c = byCode.get(code);
                return c ? `${categoryName(c, lang)}（${code}）` : code;
              },
            },
            {
              title: t('pw.enabled'),
              dataIndex: 'enabled',
              width: 80,
              render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t('pw.on') : t('pw.off')}</Tag>,
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('pw.add') : t('pw.edit')}
        onCancel={() => setEditing(null)}
        onOk={save}
        confirmLoading={saving}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="pw-form">
          <Form.Item name="word" label={t('pw.word')} rules={[{ required: true, whitespace: true, max: 20 }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="synonyms" label={t('pw.synonyms')} extra={t('pw.synonymsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('pw.category')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="sortOrder" label={t('pw.order')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            <Form.Item name="enabled" label={t('pw.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
