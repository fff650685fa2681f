/**
 * 党组织: the party organisation tree of a division (built from parentCode), with kinds and member
 * counts: each organisation's own and its subtree's, both counted by the server; a selected
 * organisation's honours.
 */
import { Button, Card, Empty, Space, Spin, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { type PartyOrg, partyOrgKindLabel } from '../../../shared/people';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { Honours } from '../selections/Certificates';

const KIND_COLORS: Record<string, string> = {
  street_working_committee: 'red',
  community_party_committee: 'volcano',
  village_party_org: 'red',
  grid_branch: 'orange',
  building_group: 'gold',
  villager_group_cell: 'gold',
};

interface Node extends TreeDataNode {
  key: string;
  org: PartyOrg;
  children: Node[];
}

/** Organisations whose parent is not in the list become roots; each carries its subtree's total from the server. */
export function buildTree(orgs: PartyOrg[]): Node[] {
  const nodes = new Map(orgs.map((o) => [o.code, { key: o.code, org: o, children: [] as Node[] } as Node]));
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const parent = n.org.parentCode ? nodes.get(n.org.parentCode) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const sort = (list: Node[]) => {
    list.sort((a, b) => a.key.localeCompare(b.key));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function PartyOrgsPage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const [scope, setScope] = useState(roots[0]);
  const orgs = useLoad(() => api.get<PartyOrg[]>('/api/party/orgs', { scope }), [scope]);
  const tree = useMemo(() => buildTree(orgs.data ?? []), [orgs.data]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<PartyOrg | null>(null);
  const withChildren = useMemo(
    () => (orgs.data ?? []).filter((o) => (orgs.data ?? []).some((c) => c.parentCode === o.code)).map((o) => o.code),
    [orgs.data],
  );
  useEffect(() => setExpanded(tree.map((n) => n.key)), [tree]);
  const totalMembers = (orgs.data ?? []).reduce((s, o) => s + o.members, 0);

  const title = (n: TreeDataNode) => {
    const { org: o } = n as Node;
    const { total } = o;
    return (
      <span className="cc-tree-title" data-code={o.code}>
        <span className="cc-tree-name">{o.name}</span>
        <Tag color={KIND_COLORS[o.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {partyOrgKindLabel(o.kind, pick)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {total > o.members ? t('party.membersUnder', { n: total, own: o.members }) : t('party.members', { n: total })}
        </Typography.Text>
      </span>
    );
  };

  return (
    <>
      <PageTitle
        title={t('menu.partyOrgs')}
        hint={t('party.hint')}
        extra={<DivisionPicker rootCodes={roots} value={scope} onChange={(c) => setScope(c)} style={{ width: 280 }} />}
      />
      <Card
        size="small"
        title={
          orgs.data ? `${t('common.count', { n: orgs.data.length })} · ${t('party.members', { n: totalMembers })}` : ' '
        }
        extra={
          <Space>
            <Button size="small" onClick={() => setExpanded(withChildren)}>
              {t('party.expandAll')}
            </Button>
            <Button size="small" onClick={() => setExpanded([])}>
              {t('party.collapseAll')}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={orgs.error} onRetry={orgs.reload} />
        <Spin spinning={orgs.loading}>
          {tree.length === 0 && !orgs.loading ? (
            <Empty description={t('party.empty')} />
          ) : (
            <Tree<Node>
              showLine
              blockNode
              treeData={tree}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              titleRender={title}
              height={640}
              selectedKeys={selected ? [selected.code] : []}
              onSelect={(_, info) => setSelected(info.selected ? info.node.org : null)}
              data-testid="party-tree"
            />
          )}
        </Spin>
      </Card>
      {selected && (
        <Card size="small" title={`${selected.name} · ${t('sel.honours')}`} style={{ marginTop: 16 }}>
          <Honours holder={{ partyOrgCode: selected.code }} />
        </Card>
      )}
    </>
  );
}
