/** 特殊困难群体台账: officers' register of their places (or a grid worker's own persons); every view is audited. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { SheetImport } from '../../components/SheetImport';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { RegisterModal } from './RegisterModal';
import { categoryName, type PersonLine, type Settings, StatusTag, TierTag } from './shared';

export function RegisterPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [registering, setRegistering] = useState(false);
  const { can } = useSession();
  const settings = useLoad(() => api.get<Settings>('/api/care/settings'), []);
  const persons = usePaged(
    (cursor) => api.get<Page<PersonLine>>('/api/care/persons', { name: name || undefined, cursor }),
    [name],
  );
  return (
    <>
      <PageTitle
        title={t('menu.careRegister')}
        hint={t('care.registerHint')}
        extra={
          <>
            {can('care.register') && (
              <Button type="primary" onClick={() => setRegistering(true)}>
                {t('care.register')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void api.download('/api/care/persons/export.xlsx', {}, 'care-register.xlsx')}
            >
              {t('care.export')}
            </Button>
          </>
        }
      />
      <Card size="small">
        {can('care.register') && (
          <SheetImport
            importUrl="/api/care/persons/imports"
            template={{ url: '/api/care/persons/template.xlsx', name: 'care-register-template.xlsx' }}
            onImported={persons.reload}
          />
        )}
        <Input.Search
          allowClear
          placeholder={t('care.search')}
          style={{ width: 240, marginBottom: 12 }}
          onSearch={(v) => setName(v.trim())}
        />
        <ErrorAlert error={persons.error} onRetry={persons.reload} />
        <Table<PersonLine>
          rowKey="id"
          size="small"
          loading={persons.loading}
          dataSource={persons.items}
          pagination={false}
          onRow={(p) => ({ onClick: () => navigate(`/care/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('care.grid'), dataIndex: 'gridName', width: 150 },
            { title: t('care.name'), dataIndex: 'name', width: 90 },
            { title: t('care.address'), dataIndex: 'address', ellipsis: true },
            {
              title: t('care.categories'),
              dataIndex: 'categories',
              render: (cs: string[]) => cs.map((c) => <Tag key={c}>{categoryName(settings.data, c, lang)}</Tag>),
            },
            {
              title: t('care.tier'),
              dataIndex: 'tier',
              width: 170,
              render: (v: PersonLine['tier']) => <TierTag tier={v} />,
            },
            { title: t('care.worker'), dataIndex: 'workerName', width: 150 },
            { title: t('care.dueAt'), dataIndex: 'dueAt', width: 150, render: formatDateTime },
            {
              title: t('care.status'),
              dataIndex: 'status',
              width: 90,
              render: (v: PersonLine['status']) => <StatusTag status={v} />,
            },
          ]}
        />
        <LoadMore paged={persons} />
      </Card>
      <RegisterModal
        open={registering}
        settings={settings.data}
        onClose={(saved) => {
          setRegistering(false);
          if (saved) persons.reload();
        }}
      />
    </>
  );
}
