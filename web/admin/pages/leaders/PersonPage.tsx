/** A person's 头雁 record (an audited read): identity (masked), posts and terms, training, tiers with review, plan, 双提升. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Progress, Table, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { TierTable } from './TierTable';
import {
  BODY_LABELS,
  EDUCATION_LABELS,
  label,
  type PersonRecord,
  POST_LABELS,
  TEAM_LABELS,
  UPGRADE_LABELS,
} from './types';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const record = useLoad(() => api.get<PersonRecord>(`/api/leaders/people/${id}`), [id]);
  const r = record.data;
  const p = r?.person;
  return (
    <>
      <PageTitle
        title={p ? `${p.name} · ${p.villageName}` : t('ldr.name')}
        hint={t('ldr.sensitive')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('ldr.back')}
          </Button>
        }
      />
      <ErrorAlert error={record.error} onRetry={record.reload} />
      {r && p && (
        <div data-testid="leaders-record">
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('ldr.gender')}>{p.gender ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('ldr.born')}>{p.birthDate ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('ldr.education')}>
                {label(EDUCATION_LABELS[p.education], lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('ldr.phone')}>{p.phoneMasked ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('ldr.idNumber')}>{p.idMasked ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('ldr.mentor')}>{p.mentor ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('ldr.teams')} span={3}>
                {p.teams.map((x) => (
                  <Tag key={x}>{label(TEAM_LABELS[x], lang)}</Tag>
                ))}
                {p.onRegister && <Tag color="blue">{t('ldr.onRegister')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('ldr.posts')} span={3}>
                {p.posts.map((x) => (
                  <Tag key={x.id} color={x.overlap ? 'red' : undefined}>
                    {label(BODY_LABELS[x.body], lang)}
                    {label(POST_LABELS[x.post], lang)} {x.termStart}～{x.termEnd}
                    {x.overlap ? ` · ${t('ldr.overlap')}` : ''}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('ldr.tiers')} style={{ marginBottom: 16 }}>
            <TierTable tiers={r.tiers} onChanged={record.reload} />
          </Card>
          <Card size="small" title={t('ldr.plan')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.goals}
              columns={[
                { title: t('ldr.goal'), dataIndex: 'goal' },
                {
                  title: t('ldr.dueOn'),
                  dataIndex: 'dueOn',
                  render: (d: string, g) => (
                    <>
                      {d} {g.overdue && <Tag color="red">{t('ldr.overdue')}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('ldr.progress'),
                  dataIndex: 'progress',
                  render: (v: number) => <Progress percent={v} size="small" />,
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('ldr.upgrades')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              dataSource={r.upgrades}
              columns={[
                {
                  title: t('ldr.direction'),
                  dataIndex: 'kind',
                  render: (k: 'education' | 'ability') => label(UPGRADE_LABELS[k], lang),
                },
                { title: t('ldr.target'), dataIndex: 'target' },
                {
                  title: t('ldr.progress'),
                  dataIndex: 'progress',
                  render: (v: number) => <Progress percent={v} size="small" />,
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('ldr.trainings')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.trainings}
              columns={[
                { title: t('ldr.course'), dataIndex: 'course' },
                { title: t('ldr.hours'), dataIndex: 'hours' },
                { title: t('ldr.date'), dataIndex: 'trainedOn' },
              ]}
            />
          </Card>
        </div>
      )}
    </>
  );
}
