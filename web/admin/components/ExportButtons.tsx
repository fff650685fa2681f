/** 台账导出: the grids, buildings and households registers of a division as xlsx ledgers. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../shared/api';
import { useI18n } from '../i18n';

const SHEETS = ['grids', 'buildings', 'households'] as const;

export function ExportButtons({ scope }: { scope: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (sheet: (typeof SHEETS)[number]) => {
    setBusy(sheet);
    try {
      await api.download(`/api/registers/${sheet}/export.xlsx`, { scope }, `${sheet}-${scope}.xlsx`);
      message.success(t('export.done'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space.Compact data-testid="export-buttons">
      {SHEETS.map((s) => (
        <Button key={s} icon={<DownloadOutlined />} loading={busy === s} onClick={() => run(s)}>
          {t(`export.${s}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
