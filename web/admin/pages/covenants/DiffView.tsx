/** The article-level diff between two versions: each change with its kind, numbers and both texts. */
import { Empty, List, Tag, Typography } from 'antd';
import { CHANGE_KIND_LABELS, type Diff } from '../../../shared/covenants';
import { useI18n } from '../../i18n';

const COLORS = { added: 'green', removed: 'red', changed: 'orange', renumbered: 'default', moved: 'blue' } as const;

export function DiffView({ diff }: { diff: Diff }) {
  const { t, pick } = useI18n();
  if (!diff.changes.length) return <Empty description={t('cov.noChanges')} />;
  const num = (n: number | null) => (n === null ? '—' : t('cov.article', { n }));
  return (
    <List
      data-testid="cov-diff"
      size="small"
      dataSource={diff.changes}
      renderItem={(c) => (
        <List.Item data-testid={`cov-change-${c.kind}`}>
          <div style={{ width: '100%' }}>
            <Tag color={COLORS[c.kind]}>{pick(CHANGE_KIND_LABELS[c.kind].zh, CHANGE_KIND_LABELS[c.kind].en)}</Tag>
            <Typography.Text strong>
              {num(c.from)} → {num(c.to)}
            </Typography.Text>
            {c.before && (c.kind === 'changed' || c.kind === 'removed') && (
              <div>
                <Typography.Text type="secondary">{t('cov.before')}：</Typography.Text>
                <Typography.Text delete={c.kind === 'removed'}>{c.before.body}</Typography.Text>
              </div>
            )}
            {c.after && c.kind !== 'removed' && (
              <div>
                <Typography.Text type="secondary">{t('cov.after')}：</Typography.Text>
                <Typography.Text mark={c.kind === 'changed' || c.kind === 'added'}>{c.after.body}</Typography.Text>
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
