/** A person with their household's members; 查看完整信息 (audited reveal) only when the server allows it. */
import { EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { genderLabel, type Household, type Person, type Revealed, relationLabel } from '../../../shared/people';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { useI18n } from '../../i18n';
import { Honours } from '../selections/Certificates';

type Field = Revealed['field'];

export function PersonDrawer({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { modal, message } = App.useApp();
  const [revealed, setRevealed] = useState<Partial<Record<Field, string | null>>>({});
  const household = useLoad(
    () => (person ? api.get<Household>(`/api/households/${person.householdCode}`) : Promise.resolve(undefined)),
    [person?.householdCode],
  );
  useEffect(() => setRevealed({}), [person?.id]);
  if (!person) return <Drawer open={false} />;
  const canReveal = person.actions.includes('reveal');

  const reveal = (field: Field) => {
    modal.confirm({
      title: t('people.revealTitle'),
      content: t('people.revealBody', { field: t(field === 'idNumber' ? 'people.idNumber' : 'people.phone') }),
      okText: t('people.revealOk'),
      cancelText: t('action.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const r = await api.post<Revealed>(`/api/people/${person.id}/reveal`, {
            field,
          });
          setRevealed((prev) => ({ ...prev, [field]: r.value }));
          message.info(t('people.revealed'));
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };
  const shown = (field: Field, masked: string | null) =>
    !masked ? (
      '—'
    ) : (
      <Space>
        <Typography.Text code>{revealed[field] ?? masked ?? '—'}</Typography.Text>
        {revealed[field] !== undefined && <Tag color="orange">{t('people.revealed')}</Tag>}
        {canReveal && revealed[field] === undefined && masked && (
          <Button size="small" icon={<EyeOutlined />} onClick={() => reveal(field)} data-testid={`reveal-${field}`}>
            {t('people.reveal')}
          </Button>
        )}
      </Space>
    );

  return (
    <Drawer
      open
      title={`${t('people.detail')} · ${person.name}`}
      size={640}
      onClose={onClose}
      data-testid="person-drawer"
    >
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('people.name')}>
          {person.name} {person.partyMember && <Tag color="red">{t('people.party')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.gender')}>{genderLabel(person.gender, pick)}</Descriptions.Item>
        <Descriptions.Item label={t('people.birthDate')}>{person.birthDate}</Descriptions.Item>
        <Descriptions.Item label={t('people.idNumber')}>{shown('idNumber', person.idMasked)}</Descriptions.Item>
        <Descriptions.Item label={t('people.phone')}>{shown('phone', person.phoneMasked)}</Descriptions.Item>
        <Descriptions.Item label={t('people.relation')}>{relationLabel(person.relation, pick)}</Descriptions.Item>
        <Descriptions.Item label={t('people.address')}>{person.address}</Descriptions.Item>
        <Descriptions.Item label={t('people.household')}>
          <Typography.Text code copyable>
            {person.householdCode}
          </Typography.Text>
        </Descriptions.Item>
        {household.data && (
          <Descriptions.Item label={t('people.grid')}>
            {household.data.gridName} <Typography.Text type="secondary">{household.data.gridCode}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {!canReveal && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('people.revealHint')} />}
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('sel.honours')}
      </Typography.Title>
      <Honours holder={{ residentId: person.id }} />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('people.members')}
      </Typography.Title>
      <ErrorAlert error={household.error} onRetry={household.reload} />
      <Table<Person>
        size="small"
        rowKey="id"
        loading={household.loading}
        dataSource={household.data?.members ?? []}
        pagination={false}
        rowClassName={(m) => (m.id === person.id ? 'cc-row-current' : '')}
        columns={[
          {
            title: t('people.name'),
            dataIndex: 'name',
            render: (n: string, m) => (
              <span>
                {n} {m.partyMember && <Tag color="red">{t('people.party')}</Tag>}
              </span>
            ),
          },
          { title: t('people.relation'), dataIndex: 'relation', render: (r: string) => relationLabel(r, pick) },
          { title: t('people.gender'), dataIndex: 'gender', render: (g: string) => genderLabel(g, pick) },
          { title: t('people.birthDate'), dataIndex: 'birthDate' },
          { title: t('people.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Drawer>
  );
}
