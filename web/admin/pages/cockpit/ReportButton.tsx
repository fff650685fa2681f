/** 月度报告: the monthly report PDF of the place for a chosen month (last month by default), drawn by the server. */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDownload } from '../../components/useDownload';
import { useI18n } from '../../i18n';

export function ReportButton({ place }: { place: string }) {
  const { t } = useI18n();
  const { busy, download } = useDownload();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const key = month.format('YYYY-MM');
  return (
    <Space>
      <span>{t('ck.report')}</span>
      <DatePicker
        picker="month"
        value={month}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        onChange={(d) => d && setMonth(d)}
        aria-label={t('ck.reportMonth')}
      />
      <Button
        icon={<FilePdfOutlined />}
        loading={busy}
        onClick={() => download('/api/cockpit/report.pdf', { place, month: key }, `cockpit-${place}-${key}.pdf`)}
        data-testid="cockpit-report"
      >
        {t('ck.reportDownload')}
      </Button>
    </Space>
  );
}
