/** The red-orange 演示环境 DEMO strip shown on every page of a demo installation. */
import type { CSSProperties } from 'react';

const style: CSSProperties = {
  background: 'linear-gradient(90deg, #c4161c, #e8590c)',
  color: '#fff',
  fontSize: 13,
  lineHeight: '28px',
  textAlign: 'center',
  letterSpacing: 1,
  padding: '0 8px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

export function DemoBanner({ text }: { text: string }) {
  return (
    <div role="status" data-testid="demo-banner" style={style}>
      {text}
    </div>
  );
}
