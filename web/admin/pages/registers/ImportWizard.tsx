/**
 * 台账导入 wizard: choose a register → download its template → upload an xlsx/csv → dry run (progress,
 * errors, 下载错误清单) → choose 仅导入正确行 / 全部正确才导入 → import with progress → result.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Radio, Result, Space, Steps, Tag, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import type { RegisterInfo } from '../../../shared/people';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { ImportIssues, ImportProgress, jobFailure } from './ImportReport';
import { formatOf, type ImportMode, useImportJob } from './useImportJob';

const STEPS = [
  'imp.step.choose',
  'imp.step.template',
  'imp.step.upload',
  'imp.step.check',
  'imp.step.import',
  'imp.step.result',
] as const;
const size = (n: number) =>
  n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;

export function ImportWizard() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const registers = useLoad(() => api.get<RegisterInfo[]>('/api/registers'), []);
  const [step, setStep] = useState(0);
  const [sheet, setSheet] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Exclude<ImportMode, 'dry-run'>>('valid-only');
  const dry = useImportJob();
  const real = useImportJob();
  const register = registers.data?.find((r) => r.name === sheet);

  const template = async () => {
    if (!register) return;
    try {
      await api.download(`/api/registers/${register.name}/template.xlsx`, {}, `${register.title.zh}-模板.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const startDry = async () => {
    if (!sheet || !file) return;
    setStep(3);
    await dry.run(sheet, 'dry-run', file);
  };
  const startImport = async () => {
    if (!sheet || !file) return;
    setStep(4);
    const j = await real.run(sheet, mode, file);
    if (j) setStep(5);
  };
  const restart = () => {
    setStep(0);
    setFile(null);
    dry.reset();
    real.reset();
  };

  const dryResult = dry.job?.state === 'done' ? dry.job.result : undefined;
  const importable = dryResult
    ? mode === 'valid-only'
      ? dryResult.validRows > 0
      : dryResult.invalidRows === 0 && dryResult.fileErrors.length === 0 && dryResult.validRows > 0
    : false;
  const nav = (back: number | null, next: ReactNode) => (
    <Space style={{ marginTop: 16 }}>
      {back !== null && <Button onClick={() => setStep(back)}>{t('imp.back')}</Button>}
      {next}
    </Space>
  );

  const body = () => {
    switch (step) {
      case 0:
        return (
          <>
            <ErrorAlert error={registers.error} onRetry={registers.reload} />
            <Radio.Group
              value={sheet}
              onChange={(e) => setSheet(e.target.value as string)}
              data-testid="register-choice"
            >
              <Space orientation="vertical">
                {(registers.data ?? []).map((r) => (
                  <Radio key={r.name} value={r.name} data-sheet={r.name}>
                    {/* the register's name in the reader's language only (its key is for the code, issue #11 item 11) */}
                    <Typography.Text strong>{pick(r.title.zh, r.title.en)}</Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            {register && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">{t('imp.columns')}：</Typography.Text>
                {register.columns.map((c) => (
                  <Tag key={c.key} color={c.required ? 'red' : 'default'}>
                    {pick(c.header.zh, c.header.en)}
                    {c.required ? ' *' : ''}
                  </Tag>
                ))}
              </div>
            )}
            {nav(
              null,
              <Button type="primary" disabled={!sheet} onClick={() => setStep(1)} data-testid="imp-next">
                {t('imp.next')}
              </Button>,
            )}
          </>
        );
      case 1:
        return (
          <>
            <Alert type="info" showIcon title={t('imp.templateHint')} style={{ marginBottom: 12 }} />
            <Button icon={<DownloadOutlined />} onClick={template} data-testid="imp-template">
              {t('imp.downloadTemplate')}
            </Button>
            {nav(
              0,
              <Button type="primary" onClick={() => setStep(2)} data-testid="imp-next">
                {t('imp.next')}
              </Button>,
            )}
          </>
        );
      case 2:
        return (
          <>
            <div data-testid="imp-upload">
              <Upload.Dragger
                accept=".xlsx,.csv"
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  if (!formatOf(f)) {
                    message.error(t('imp.badType'));
                    return Upload.LIST_IGNORE;
                  }
                  setFile(f);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('imp.drop')}</p>
                <p className="ant-upload-hint">{t('imp.dropHint')}</p>
              </Upload.Dragger>
            </div>
            {file && (
              <Typography.Paragraph style={{ marginTop: 8 }} data-testid="imp-file">
                {t('imp.file', { name: file.name, size: size(file.size) })}
              </Typography.Paragraph>
            )}
            {nav(
              1,
              <Button type="primary" disabled={!file} onClick={startDry} data-testid="imp-dry-run">
                {t('imp.dryRun')}
              </Button>,
            )}
          </>
        );
      case 3:
        return (
          <>
            <ImportProgress job={dry.job} label="imp.running" />
            <ErrorAlert error={dry.error} />
            {jobFailure(dry.job) && (
              <Alert type="error" showIcon title={t('imp.failed')} description={jobFailure(dry.job)} />
            )}
            {dry.job?.state === 'done' && (
              <>
                <div style={{ marginTop: 12 }}>
                  <ImportIssues job={dry.job} register={register} />
                </div>
                <Card size="small" title={t('imp.mode')} style={{ marginTop: 12 }}>
                  <Radio.Group
                    value={mode}
                    onChange={(e) => setMode(e.target.value as typeof mode)}
                    data-testid="imp-mode"
                  >
                    <Space orientation="vertical">
                      <Radio value="valid-only">
                        {t('imp.mode.validOnly')}{' '}
                        <Typography.Text type="secondary">— {t('imp.mode.validOnlyHint')}</Typography.Text>
                      </Radio>
                      <Radio value="all-or-nothing">
                        {t('imp.mode.allOrNothing')}{' '}
                        <Typography.Text type="secondary">— {t('imp.mode.allOrNothingHint')}</Typography.Text>
                      </Radio>
                    </Space>
                  </Radio.Group>
                  {!importable && (
                    <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('imp.cannotImport')} />
                  )}
                </Card>
              </>
            )}
            {nav(
              dry.busy ? null : 2,
              <Button type="primary" disabled={!importable || dry.busy} onClick={startImport} data-testid="imp-start">
                {t('imp.start')}
              </Button>,
            )}
          </>
        );
      case 4:
        return (
          <>
            <ImportProgress job={real.job} label="imp.importing" />
            <ErrorAlert error={real.error} />
            {real.error ? nav(3, null) : null}
          </>
        );
      default: {
        const r = real.job?.result;
        const failed = jobFailure(real.job);
        return (
          <>
            <Result
              status={failed ? 'error' : r && r.importedRows > 0 ? 'success' : 'warning'}
              title={failed ? t('imp.failed') : r && r.importedRows > 0 ? t('imp.done') : t('imp.nothing')}
              subTitle={
                failed ??
                (r
                  ? t('imp.doneSummary', { imported: r.importedRows, total: r.totalRows, invalid: r.invalidRows })
                  : '')
              }
              data-testid="imp-result"
              extra={[
                <Button key="again" onClick={restart} data-testid="imp-again">
                  {t('imp.again')}
                </Button>,
                <Button key="people" type="primary" onClick={() => navigate('/people')}>
                  {t('imp.goPeople')}
                </Button>,
              ]}
            />
            {real.job && r && (r.errors.length > 0 || r.fileErrors.length > 0) && (
              <ImportIssues job={real.job} register={register} />
            )}
          </>
        );
      }
    }
  };

  return (
    <>
      <PageTitle title={t('menu.registers')} hint={t('imp.hint')} />
      <Card size="small">
        <Steps size="small" current={step} items={STEPS.map((k) => ({ title: t(k) }))} style={{ marginBottom: 20 }} />
        {register && step > 0 && (
          <Typography.Paragraph>
            <Tag color="red">{pick(register.title.zh, register.title.en)}</Tag>
          </Typography.Paragraph>
        )}
        <div data-testid={`imp-step-${step}`}>{body()}</div>
      </Card>
    </>
  );
}
