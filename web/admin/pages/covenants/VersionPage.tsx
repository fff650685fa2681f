/**
 * One version of a covenant: read its articles, or (a draft, village staff) edit them article by
 * article — numbered by position, chapter and 红白事 limits optional — see the diff with the version in
 * force, and adopt it citing the village's matter whose resolution passed.
 */
import { App, Button, Card, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { type Covenant, type Diff, VERSION_STATE_LABELS, type Version } from '../../../shared/covenants';
import type { MatterSummary } from '../../../shared/deliberation';
import { useLoad } from '../../../shared/useLoad';
import type { Page } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { STATE_COLORS } from './CovenantPage';
import { DiffView } from './DiffView';

/** An article being edited: numbered by its position, keyed by a local id while it moves. */
type Draft = Omit<Version['articles'][number], 'number'> & { uid: number };
let nextUid = 0;
const RESOLVED = ['resolved', 'resolution_published', 'implemented', 'completed'];

export function VersionPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const version = useLoad(() => api.get<Version>(`/api/covenant-versions/${id}`), [id]);
  const v = version.data;
  const editable = v?.actions.includes('edit') ?? false;
  const [articles, setArticles] = useState<Draft[]>([]);
  useEffect(() => setArticles((v?.articles ?? []).map(({ number: _n, ...a }) => ({ ...a, uid: nextUid++ }))), [v]);
  // a draft is compared with the version in force, an adopted version with the one before it
  const inForce = useLoad(
    () =>
      v
        ? api
            .get<Covenant>(`/api/covenants/${v.covenantId}`)
            .then(
              (c) =>
                c.versions.find((x) => (v.state === 'draft' ? x.state === 'in_force' : x.seq === v.seq - 1)) ?? null,
            )
        : Promise.resolve(null),
    [v],
  );
  const diff = useLoad(
    () =>
      inForce.data && v
        ? api.get<Diff>('/api/covenant-versions/diff', { from: inForce.data.id, to: v.id })
        : Promise.resolve(null),
    [inForce.data, v],
  );
  const [adopting, setAdopting] = useState(false);
  const [matterId, setMatterId] = useState<string>();
  const [note, setNote] = useState('');
  const matters = useLoad(
    () =>
      adopting && v
        ? api
            .get<Page<MatterSummary>>('/api/matters', { limit: 100 })
            .then((p) => p.items.filter((m) => m.divisionCode === v.divisionCode && RESOLVED.includes(m.state)))
        : Promise.resolve([]),
    [adopting, v],
  );
  if (version.error) return <ErrorAlert error={version.error} />;
  if (!v) return null;

  const patch = (i: number, p: Partial<Draft>) => setArticles((a) => a.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const save = async () => {
    try {
      await api.put(`/api/covenant-versions/${v.id}/articles`, {
        articles: articles.map(({ uid: _u, ...a }, i) => ({ ...a, number: i + 1 })),
      });
      message.success(t('cov.saved'));
      version.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const adopt = async () => {
    try {
      await api.post(`/api/covenant-versions/${v.id}/adopt`, { matterId, note: note.trim() || undefined });
      message.success(t('cov.adopted'));
      setAdopting(false);
      version.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={`${v.title} · ${v.label}`}
        hint={
          v.adoptedOn
            ? `${t('cov.adoptedOn')} ${v.adoptedOn}${v.matterTitle ? ` · ${v.matterTitle}` : ''}`
            : t('cov.adoptHint')
        }
        extra={
          <Space>
            <Tag color={STATE_COLORS[v.state]} data-testid="cov-state">
              {pick(VERSION_STATE_LABELS[v.state].zh, VERSION_STATE_LABELS[v.state].en)}
            </Tag>
            {editable && (
              <>
                <Button onClick={() => void save()} data-testid="cov-save">
                  {t('cov.save')}
                </Button>
                <Button type="primary" onClick={() => setAdopting(true)} data-testid="cov-adopt">
                  {t('cov.adopt')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {articles.map((a, i) => (
        <Card key={a.uid} size="small" style={{ marginBottom: 8 }} data-testid={`cov-article-${i + 1}`}>
          <Typography.Text strong>{t('cov.article', { n: i + 1 })}</Typography.Text>
          {a.chapter && !editable && <Typography.Text type="secondary"> · {a.chapter}</Typography.Text>}
          {editable ? (
            <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
              <Input
                addonBefore={t('cov.chapter')}
                value={a.chapter}
                onChange={(e) => patch(i, { chapter: e.target.value })}
              />
              <Input.TextArea
                aria-label={t('cov.article', { n: i + 1 })}
                autoSize
                value={a.body}
                onChange={(e) => patch(i, { body: e.target.value })}
                data-testid={`cov-body-${i + 1}`}
              />
              <Space wrap>
                <InputNumber
                  addonBefore={t('cov.maxTables')}
                  min={1}
                  value={a.maxTables}
                  onChange={(n) => patch(i, { maxTables: n ?? null })}
                />
                <InputNumber
                  addonBefore={t('cov.maxDays')}
                  min={1}
                  value={a.maxDays}
                  onChange={(n) => patch(i, { maxDays: n ?? null })}
                />
                <Button danger size="small" onClick={() => setArticles((x) => x.filter((_, j) => j !== i))}>
                  {t('cov.removeArticle')}
                </Button>
              </Space>
            </Space>
          ) : (
            <div>
              <Typography.Paragraph style={{ margin: 0 }}>{a.body}</Typography.Paragraph>
              {(a.maxTables || a.maxDays) && (
                <Tag color="purple">{t('cov.limits', { tables: a.maxTables ?? '—', days: a.maxDays ?? '—' })}</Tag>
              )}
            </div>
          )}
        </Card>
      ))}
      {editable && (
        <Button
          onClick={() =>
            setArticles((a) => [
              ...a,
              { chapter: a.at(-1)?.chapter ?? '', body: '', maxTables: null, maxDays: null, uid: nextUid++ },
            ])
          }
        >
          {t('cov.addArticle')}
        </Button>
      )}
      {diff.data && (
        <Card
          size="small"
          title={v.state === 'draft' ? t('cov.diff') : t('cov.diffPrevious', { label: inForce.data?.label ?? '' })}
          style={{ marginTop: 16 }}
        >
          <DiffView diff={diff.data} />
        </Card>
      )}
      <Modal
        open={adopting}
        title={t('cov.adopt')}
        onOk={() => void adopt()}
        okButtonProps={{ disabled: !matterId, id: 'cov-adopt-ok' }}
        onCancel={() => setAdopting(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('cov.adoptHint')}</Typography.Paragraph>
        <Select
          style={{ width: '100%' }}
          placeholder={t('cov.matter')}
          value={matterId}
          onChange={setMatterId}
          loading={matters.loading}
          options={(matters.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
          data-testid="cov-matter"
        />
        <Input.TextArea
          style={{ marginTop: 12 }}
          placeholder={t('cov.note')}
          aria-label={t('cov.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
