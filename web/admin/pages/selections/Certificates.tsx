/** 荣誉证书 in the console: the selection's certificates (issue once the results are out, download each) and a holder's honours. */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type Query } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Loaded, useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { useDownload } from '../../components/useDownload';
import { useI18n } from '../../i18n';
import { type CertificateView, type IssueResultView, KIND_LABELS, label } from './types';

function DownloadButton({ c }: { c: CertificateView }) {
  const { t } = useI18n();
  const { busy, download } = useDownload();
  const run = () => download(`/api/selection-certificates/${c.number}/pdf`, {}, `${c.number}.pdf`);
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={`cert-pdf-${c.number}`}>
      {t('sel.download')}
    </Button>
  );
}

/** A list of certificates with its load error and a download button on each row. */
function CertificateTable({
  list,
  empty,
  testId,
  columns,
}: {
  list: Loaded<{ items: CertificateView[] }>;
  empty: string;
  testId: string;
  columns: TableColumnsType<CertificateView>;
}) {
  return (
    <>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<CertificateView>
        rowKey="number"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: empty }}
        data-testid={testId}
        columns={[...columns, { title: '', key: 'pdf', render: (_, c) => <DownloadButton c={c} /> }]}
      />
    </>
  );
}

/** The certificates of one selection, with the issue button for the staff running it once the results are out. */
export function Certificates({ id, canIssue }: { id: string; canIssue: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => api.get<{ items: CertificateView[] }>(`/api/selections/${id}/certificates`), [id]);
  const [issuing, setIssuing] = useState(false);
  const issue = async () => {
    setIssuing(true);
    try {
      const r = await api.post<IssueResultView>(`/api/selections/${id}/certificates`);
      message.success(r.issued ? t('sel.certified', { n: r.issued }) : t('sel.certifiedNone'));
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setIssuing(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('sel.certificates')}
      style={{ marginBottom: 16 }}
      extra={
        canIssue && (
          <Button
            type="primary"
            size="small"
            icon={<SafetyCertificateOutlined />}
            loading={issuing}
            onClick={issue}
            data-testid="sel-certify"
          >
            {t('sel.certify')}
          </Button>
        )
      }
    >
      <CertificateTable
        list={list}
        empty={t('sel.noCertificates')}
        testId="sel-certificates"
        columns={[
          { title: t('sel.certNumber'), dataIndex: 'number' },
          { title: t('sel.rank'), dataIndex: 'rank', width: 70 },
          { title: t('sel.title'), dataIndex: 'name' },
          { title: t('sel.place'), dataIndex: 'placeName' },
          { title: t('sel.issuedAt'), key: 'at', render: (_, c) => formatDateTime(c.issuedAt) },
        ]}
      />
    </Card>
  );
}

/** The honours of a person (residentId) or a party organisation (partyOrgCode): the certificates of selections the staff member reads. */
export function Honours({ holder }: { holder: { residentId: string } | { partyOrgCode: string } }) {
  const { t, lang } = useI18n();
  const query: Query = { ...holder };
  const key = JSON.stringify(query);
  const list = useLoad(() => api.get<{ items: CertificateView[] }>('/api/selection-certificates', query), [key]);
  return (
    <CertificateTable
      list={list}
      empty={t('sel.noHonours')}
      testId="honours"
      columns={[
        {
          title: t('sel.honours'),
          key: 'h',
          render: (_, c) => (
            <span>
              <Tag color="red">{label(KIND_LABELS[c.kind], lang)}</Tag>
              {c.selectionTitle}
            </span>
          ),
        },
        { title: t('sel.rank'), dataIndex: 'rank', width: 60 },
        { title: t('sel.certNumber'), dataIndex: 'number', width: 140 },
      ]}
    />
  );
}
