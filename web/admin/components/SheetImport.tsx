/**
 * A register's 台账 import (the partner registers', the care register's, activities', the collective
 * economy's): download the template, check a file (nothing written), import it (every row or none),
 * then the counts and the first row errors (row, column, reason).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import type { SheetImportOutcome } from '../../../src/server/platform/sheet-import';
import { api, errorMessage } from '../../shared/api';
import { useI18n } from '../i18n';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHOWN = 20;

export interface SheetImportProps {
  /** The import route (POST, ?mode=…&format=…). */
  importUrl: string;
  /** The template route and the saved file's name. */
  template?: { url: string; name: string };
  onImported: () => void;
}

export function SheetImport({ importUrl, template, onImported }: SheetImportProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [result, setResult] = useState<SheetImportOutcome | null>(null);
  const send = async (file: File, mode: 'dry-run' | 'all-or-nothing') => {
    const csv = file.name.toLowerCase().endsWith('.csv');
    try {
      const r = await api.upload<SheetImportOutcome>(importUrl, file, csv ? 'text/csv' : XLSX, {
        mode,
        format: csv ? 'csv' : 'xlsx',
      });
      setResult(r);
      if (r.importedRows) onImported();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space direction="vertical" style={{ marginBottom: 12, width: '100%' }}>
      <Space wrap>
        {template && (
          <Button icon={<DownloadOutlined />} onClick={() => void api.download(template.url, {}, template.name)}>
            {t('sheet.template')}
          </Button>
        )}
        {(['dry-run', 'all-or-nothing'] as const).map((mode) => (
          <Upload
            key={mode}
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(f) => (void send(f, mode), false)}
          >
            <Button icon={<UploadOutlined />} type={mode === 'all-or-nothing' ? 'primary' : 'default'}>
              {t(mode === 'dry-run' ? 'sheet.dryRun' : 'sheet.import')}
            </Button>
          </Upload>
        ))}
      </Space>
      {result && (
        <Alert
          type={result.errorCount ? 'error' : 'success'}
          showIcon
          message={t('sheet.result', {
            total: result.totalRows,
            valid: result.validRows,
            imported: result.importedRows,
            errors: result.errorCount,
          })}
          description={
            result.errorCount > 0 && (
              <>
                {result.mode === 'all-or-nothing' && <div>{t('sheet.allOrNothing')}</div>}
                <ul style={{ margin: 0 }}>
                  {result.errors.slice(0, SHOWN).map((e) => (
                    <li key={`${e.row}-${e.column}-${e.code}`}>
                      {t('sheet.rowError', { row: e.row, column: e.column, reason: pick(e.reason.zh, e.reason.en) })}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
    </Space>
  );
}
