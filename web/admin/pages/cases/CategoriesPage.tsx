/** 类别管理: the category tree for county officers — filter by major class, search, and edit or add local categories. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { type CategoryFull, categoryName, type TimeLimit, tierLabel } from '../../../shared/cases';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { CategoryDrawer } from './CategoryDrawer';

/** Major classes: two-digit codes and the local major 'LM1'. */
export const isMajor = (c: Pick<CategoryFull, 'code' | 'kind'>) =>
  c.kind === 'major' || /^\d{2}$/.test(c.code) || c.code === 'LM1';

/** The major class a category belongs to (walking up its parents). */
function majorOf(c: CategoryFull, byCode: Map<string, CategoryFull>): string | null {
  let cur: CategoryFull | undefined = c;
  for (let i = 0; cur && i < 6; i++) {
    if (isMajor(cur)) return cur.code;
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return c.parentCode;
}

export function useLimitText() {
  const { t } = useI18n();
  return (l: TimeLimit | undefined) => (l ? `${l.amount} ${t(`cat.unit.${l.unit}` as MessageKey)}` : '—');
}

export function CategoriesPage() {
  const { t, lang } = useI18n();
  const { departmentName } = useSession();
  const site = useSite();
  const limitText = useLimitText();
  const loaded = useLoad(() => api.get<CategoryFull[]>('/api/categories', { includeInactive: 'true' }), []);
  const [major, setMajor] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CategoryFull | 'new' | null>(null);

  const all = useMemo(() => loaded.data ?? [], [loaded.data]);
  const byCode = useMemo(() => new Map(all.map((c) => [c.code, c])), [all]);
  const majors = useMemo(() => all.filter(isMajor).sort((a, b) => a.code.localeCompare(b.code)), [all]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return all
      .filter((c) => !isMajor(c))
      .map((c) => ({ ...c, major: majorOf(c, byCode) }))
      .filter((c) => !major || c.major === major)
      .filter(
        (c) =>
          !needle ||
          c.code.toLowerCase().startsWith(needle) ||
          c.name.includes(needle) ||
          (c.nameEn ?? '').toLowerCase().includes(needle) ||
          c.synonyms.some((s) => s.toLowerCase().includes(needle)),
      )
      .sort((a, b) => a.code.localeCompare(b.code));
  }, [all, byCode, major, q]);

  const done = () => {
    setEditing(null);
    loaded.reload();
  };

  return (
    <>
      <PageTitle
        title={t('menu.categories')}
        hint={t('cat.hint')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={loaded.reload}>
              {t('action.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="cat-new">
              {t('cat.new')}
            </Button>
          </Space>
        }
      />
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 240 }}
            placeholder={t('cat.allMajors')}
            value={major}
            onChange={setMajor}
            options={majors.map((m) => ({ value: m.code, label: `${m.code} ${categoryName(m, lang)}` }))}
            data-testid="cat-major"
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('cat.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="cat-search"
          />
          <Typography.Text type="secondary">{t('common.count', { n: rows.length })}</Typography.Text>
        </Space>
        <Table
          size="small"
          rowKey="code"
          loading={loaded.loading}
          dataSource={rows}
          data-testid="cat-table"
          pagination={{ pageSize: 50, showSizeChanger: false }}
          onRow={(c) => ({ onClick: () => setEditing(c), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('cat.name'),
              key: 'name',
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <span>
                    {categoryName(c, lang)} {c.kind === 'local' && <Tag color="cyan">L</Tag>}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.code}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('cat.major'),
              key: 'major',
              render: (_, c) => (c.major ? categoryName(byCode.get(c.major), lang, c.major) : '—'),
            },
            { title: t('cat.tier'), key: 'tier', render: (_, c) => tierLabel(c.defaultTier, lang) },
            {
              title: t('cat.department'),
              key: 'dept',
              render: (_, c) => (c.departmentKey ? departmentName(`${site.county.code}-${c.departmentKey}`) : '—'),
            },
            { title: t('cat.handleNormal'), key: 'handle', render: (_, c) => limitText(c.timeLimits?.handle?.normal) },
            {
              title: t('cat.public'),
              key: 'public',
              render: (_, c) => (c.isPublic ? <Tag color="green">{t('cat.public')}</Tag> : <Tag>—</Tag>),
            },
            {
              title: '',
              key: 'edit',
              render: (_, c) => (
                <Button
                  size="small"
                  type="link"
                  onClick={(e) => {
                    e.stopPropagation();
                    setEditing(c);
                  }}
                >
                  {t('cat.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <CategoryDrawer category={editing} onClose={() => setEditing(null)} onDone={done} />
    </>
  );
}
