/** A project's page in the console: funds, milestones (progress moved here), supervisors, ratings, photos. */
import {
  Button,
  Card,
  Descriptions,
  Image,
  InputNumber,
  message,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { FUND_SOURCE_LABELS } from '../../../../src/server/modules/projects/projects.labels';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { money, type ProjectDetail, type Representative, StatusTag, useLabel } from './shared';

type Milestone = ProjectDetail['milestones'][number];

function MilestoneProgress({ projectId, m, onSaved }: { projectId: string; m: Milestone; onSaved: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<number | null>(m.progress);
  const save = async () => {
    try {
      await api.put(`/api/projects/${projectId}/milestones/${m.id}/progress`, { progress: value });
      void message.success(t('pj.saved'));
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Space>
      <InputNumber min={0} max={100} value={value} onChange={setValue} addonAfter="%" style={{ width: 120 }} />
      <Button size="small" data-testid="pj-set-progress" onClick={() => void save()} disabled={value === m.progress}>
        {t('pj.setProgress')}
      </Button>
    </Space>
  );
}

function Supervisors({ d, onSaved }: { d: ProjectDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const reps = useLoad(
    () => api.get<Representative[]>('/api/projects/representatives', { place: d.project.placeCode }),
    [d.project.placeCode],
  );
  const [chosen, setChosen] = useState<string[]>(d.supervisors.flatMap((s) => (s.residentId ? [s.residentId] : [])));
  const save = async () => {
    try {
      await api.put(`/api/projects/${d.project.id}/supervisors`, { residentIds: chosen });
      void message.success(t('pj.saved'));
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title={t('pj.supervisors')} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          {d.supervisors.map((s) => (
            <Tag key={s.residentId ?? s.name} color={s.rated ? 'green' : 'default'}>
              {s.name} · {t(s.rated ? 'pj.rated' : 'pj.notRated')}
            </Tag>
          ))}
        </div>
        <Space>
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            value={chosen}
            onChange={setChosen}
            optionFilterProp="label"
            options={(reps.data ?? []).map((r) => ({ value: r.residentId, label: r.name }))}
          />
          <Button onClick={() => void save()}>{t('pj.saveSupervisors')}</Button>
        </Space>
      </Space>
    </Card>
  );
}

export function ProjectPage() {
  const { t } = useI18n();
  const say = useLabel();
  const { id = '' } = useParams();
  const detail = useLoad(() => api.get<ProjectDetail>(`/api/public/projects/${id}`), [id]);
  const d = detail.data;
  if (!d) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  const p = d.project;
  const manage = d.actions.includes('manage');
  const upload = async (file: File) => {
    try {
      await api.upload(`/api/projects/${id}/photos`, file, file.type);
      detail.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
    return false;
  };
  const tenths = (n: number | null) => (n === null ? '—' : (n / 10).toFixed(1));
  return (
    <>
      <PageTitle title={p.title} hint={p.placeName} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('pj.placeName')}>{p.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('pj.status')}>
            <StatusTag status={p.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('pj.budget')}>{money(p.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label={t('pj.progress')}>
            <Progress percent={p.progress} size="small" style={{ width: 200 }} data-testid="pj-progress" />
          </Descriptions.Item>
          <Descriptions.Item label={t('pj.startsOn')}>{p.startsOn}</Descriptions.Item>
          <Descriptions.Item label={t('pj.dueOn')}>{p.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('pj.funds')} span={2}>
            {d.funds.map((f) => `${say(FUND_SOURCE_LABELS[f.source])} ${money(f.amountFen)}`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('pj.description')} span={2}>
            {p.description}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('pj.milestones')} style={{ marginBottom: 16 }}>
        <Table<Milestone>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.milestones}
          columns={[
            { title: t('pj.milestone'), dataIndex: 'title' },
            {
              title: t('pj.dueOn'),
              dataIndex: 'dueOn',
              width: 140,
              render: (v: string, m) => (
                <>
                  {v} {m.late && <Tag color="red">{t('pj.late')}</Tag>}
                </>
              ),
            },
            { title: t('pj.weight'), dataIndex: 'weight', width: 70 },
            {
              title: t('pj.progress'),
              key: 'progress',
              width: 300,
              render: (_: unknown, m) =>
                manage ? (
                  <MilestoneProgress projectId={id} m={m} onSaved={detail.reload} />
                ) : (
                  <Progress percent={m.progress} size="small" />
                ),
            },
          ]}
        />
      </Card>
      {manage && <Supervisors d={d} onSaved={detail.reload} />}
      <Card size="small" title={t('pj.ratings')} style={{ marginBottom: 16 }}>
        {d.ratings.count === 0 ? (
          t('pj.noRatings')
        ) : (
          <Space direction="vertical">
            <span>
              {t('pj.ratingCount', { n: d.ratings.count })} · {t('pj.ratingProgress')}{' '}
              {tenths(d.ratings.progressTenths)} · {t('pj.ratingQuality')} {tenths(d.ratings.qualityTenths)}
            </span>
            {d.comments.map((c) => (
              <span key={String(c.ratedAt)}>
                「{c.comment}」 {c.progress}/{c.quality}
              </span>
            ))}
          </Space>
        )}
      </Card>
      <Card
        size="small"
        title={t('pj.photos')}
        extra={
          manage && (
            <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={upload}>
              <Button size="small">{t('pj.addPhoto')}</Button>
            </Upload>
          )
        }
      >
        <Image.PreviewGroup>
          <Space wrap>
            {d.photos.map((ph) => (
              <Image key={ph.id} src={ph.url} width={120} />
            ))}
          </Space>
        </Image.PreviewGroup>
      </Card>
    </>
  );
}
