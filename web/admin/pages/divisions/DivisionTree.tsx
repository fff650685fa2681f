/** Lazy antd Tree of divisions: a node's children are fetched when it is expanded. */
import { Skeleton, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, useEffect, useState } from 'react';
import { type Division, fetchChildren, fetchDivision, kindLabel } from '../../../shared/divisions';
import { ErrorAlert } from '../../components/ErrorResult';
import { useI18n } from '../../i18n';

interface Node extends TreeDataNode {
  key: string;
  division: Division;
  children?: Node[];
}

function insertChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children };
    if (n.children) return { ...n, children: insertChildren(n.children, key, children) };
    return n;
  });
}

interface Props {
  rootCode: string;
  selectedCode: string | null;
  onSelect: (d: Division) => void;
}

export function DivisionTree({ rootCode, selectedCode, onSelect }: Props) {
  const { lang } = useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);
  // The tree mounts with its data and the root already open, so there is no opening animation.
  const [expanded, setExpanded] = useState<string[]>([rootCode]);
  const [error, setError] = useState<unknown>(null);

  const toNode = (d: Division): Node => ({ key: d.code, division: d, isLeaf: d.childCount === 0 });

  const loadRoot = () => {
    setError(null);
    Promise.all([fetchDivision(rootCode), fetchChildren(rootCode)]).then(([root, children]) => {
      setNodes([{ ...toNode(root), children: children.map(toNode) }]);
      onSelect(root);
    }, setError);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(loadRoot, [rootCode]);

  const loadData = async (node: { key: Key; children?: unknown[] }) => {
    if (node.children) return;
    try {
      const children = await fetchChildren(String(node.key));
      setNodes((prev) => insertChildren(prev, String(node.key), children.map(toNode)));
    } catch (e) {
      setError(e);
    }
  };

  const title = (n: TreeDataNode) => {
    const d = (n as Node).division;
    return (
      <span className="cc-tree-title" data-code={d.code}>
        <span className="cc-tree-name">{d.name}</span>
        <span className="cc-tree-kind">{kindLabel(d.kind, lang)}</span>
        {d.childCount > 0 && (
          <Typography.Text type="secondary" className="cc-tree-count">
            {d.childCount}
          </Typography.Text>
        )}
      </span>
    );
  };

  return (
    <div data-testid="division-tree">
      <ErrorAlert error={error} onRetry={nodes.length ? undefined : loadRoot} />
      {nodes.length === 0 && !error && <Skeleton active title={false} paragraph={{ rows: 8 }} />}
      {nodes.length > 0 && (
        <Tree<Node>
          showLine
          blockNode
          treeData={nodes}
          loadData={loadData}
          expandedKeys={expanded}
          autoExpandParent={false}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selectedCode ? [selectedCode] : []}
          onSelect={(_keys, info) => onSelect(info.node.division)}
          titleRender={title}
          height={640}
        />
      )}
    </div>
  );
}
