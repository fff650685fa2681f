/** Under a paged table: how many rows are shown, and a button for the next page while more remain. */
import { Button, Space, Typography } from 'antd';
import type { Paged } from '../../shared/usePaged';
import { useI18n } from '../i18n';

export function LoadMore({ paged }: { paged: Paged<unknown> }) {
  const { t } = useI18n();
  return (
    <Space style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('paged.shown', { n: paged.items.length })}</Typography.Text>
      {paged.more && (
        <Button onClick={() => void paged.loadMore()} loading={paged.loading}>
          {t('paged.more')}
        </Button>
      )}
      {!paged.more && paged.items.length > 0 && <Typography.Text type="secondary">{t('paged.end')}</Typography.Text>}
    </Space>
  );
}
