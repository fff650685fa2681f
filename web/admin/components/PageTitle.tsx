/** The heading of a console page: title, a one-line explanation and actions on the right. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageTitle({ title, hint, extra }: { title: string; hint?: string; extra?: ReactNode }) {
  return (
    <div className="cc-page-title">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      </div>
      {extra && <div className="cc-page-actions">{extra}</div>}
    </div>
  );
}
