/** A case: its facts, timeline, rule trace, a map point on the county outline, photos, and the buttons of `actions`. */
import { ArrowLeftOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Image, Rate, Row, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import {
  type CaseDetail,
  type RevealedReporter,
  type CasePhoto,
  categoryName,
  STATE_COLORS,
  stateLabel,
  tierLabel,
  urgencyLabel,
} from '../../../shared/cases';
import { useCategories } from '../../../shared/categories';
import { formatDateTime } from '../../../shared/format';
import { loadCountyOutline } from '../../../shared/geo';
import { GeoMap } from '../../../shared/GeoMap';
import { useLoad } from '../../../shared/useLoad';
import { usePlaceNames } from '../../../shared/usePlaceNames';
import { ErrorResult } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { CaseActions } from './CaseActions';
import { CaseToWorklist } from './CaseToWorklist';
import { CaseTimeline } from './CaseTimeline';
import { isOverdue } from './CaseTable';
import { RuleTraceList } from './QueuePages';

const PHOTO_APPROVERS_ACTIONS: string[] = ['file', 'dispatch', 'verify'];

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { departmentName, can } = useSession();
  const [revealed, setRevealed] = useState<string | null>(null);
  const { message } = App.useApp();
  const [toggling, setToggling] = useState<string | null>(null);
  const site = useSite();
  const navigate = useNavigate();
  const categories = useCategories();
  const loaded = useLoad(() => api.get<CaseDetail>(`/api/cases/${id}`), [id]);
  const outline = useLoad(() => loadCountyOutline(site.county.code), [site.county.code]);
  const c = loaded.data;
  const placeName = usePlaceNames([c?.gridCode ?? c?.divisionCode]); // 百子庵村第1网格, not its code
  if (loaded.error) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!c) return <Spin style={{ display: 'block', margin: 48 }} />;
  const category = categories.find((x) => x.code === c.categoryCode);
  const photos = c.photos ?? [];
  // Triage staff approve photos for the public view; the server decides (403 shows its message).
  const canApprove = c.actions.some((a) => PHOTO_APPROVERS_ACTIONS.includes(a)) || can('cases.triage');
  const reveal = async () => {
    try {
      const r = await api.post<RevealedReporter>(`/api/cases/${c.id}/reporter/reveal`);
      setRevealed(t('case.revealed', { name: r.name ?? '—', phone: r.phone ?? '' }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const togglePublic = async (p: CasePhoto) => {
    setToggling(p.id);
    try {
      await api.post(`/api/photos/${p.id}/public`, { approved: !p.publicApproved });
      message.success(t(p.publicApproved ? 'photo.madePrivate' : 'photo.madePublic'));
      loaded.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setToggling(null);
    }
  };

  return (
    <>
      <PageTitle
        title={`${c.title}`}
        hint={`${t('case.number')} ${c.number}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('case.back')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('case.details')}
            extra={
              <Tag color={STATE_COLORS[c.state]} data-testid="case-state">
                {stateLabel(c.state, lang)}
              </Tag>
            }
            style={{ marginBottom: 16 }}
          >
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('case.number')}>
                <Typography.Text copyable>{c.number}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('case.category')}>
                {categoryName(category, lang, c.categoryCode)}{' '}
                <Typography.Text type="secondary">{c.categoryCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('case.tier')}>{tierLabel(c.tier, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('case.urgency')}>{urgencyLabel(c.urgency, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('case.handler')}>
                {c.handlerDepartment ? departmentName(c.handlerDepartment) : c.handlerUserId ? t('act.toStaff') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.reporter')}>
                <span data-testid="case-reporter">
                  {c.anonymous ? <Tag>{t('case.anonymous')}</Tag> : (c.reporterName ?? '—')}
                </span>
                {can('cases.reveal_reporter') && !revealed && (
                  <Button size="small" type="link" onClick={reveal} data-testid="case-reveal">
                    {t('case.revealReporter')}
                  </Button>
                )}
                {revealed && <Typography.Text type="warning"> {revealed}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.receivedAt')}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('case.responseDue')}>{formatDateTime(c.responseDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('case.handleDue')}>
                <Typography.Text type={isOverdue(c) ? 'danger' : undefined}>
                  {formatDateTime(c.handleDueAt)}
                </Typography.Text>
                {isOverdue(c) && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {t('case.overdue')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.closedAt')}>
                {formatDateTime(c.closedAt)}
                {c.closedOnTime !== null && (
                  <Tag color={c.closedOnTime ? 'green' : 'red'} style={{ marginInlineStart: 6 }}>
                    {t(c.closedOnTime ? 'case.onTime' : 'case.late')}
                  </Tag>
                )}
              </Descriptions.Item>
              {c.supervised && (
                <Descriptions.Item label={t('case.supervisionDue')}>
                  <Tag color="volcano">{t('case.supervised')}</Tag>
                  {formatDateTime(c.supervisionDueAt)}
                </Descriptions.Item>
              )}
              {c.reworkCount > 0 && (
                <Descriptions.Item label={t('ind.reworkRate')}>
                  {t('case.rework', { n: c.reworkCount })}
                </Descriptions.Item>
              )}
              {c.rating !== null && (
                <Descriptions.Item label={t('case.rating')}>
                  <Rate disabled value={c.rating} style={{ fontSize: 14 }} /> {c.ratingComment}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('case.grid')}>{placeName(c.gridCode ?? c.divisionCode)}</Descriptions.Item>
              <Descriptions.Item label={t('case.address')}>{c.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('case.locationSource')}>
                <Tag
                  color={c.locationSource === 'gps' || c.locationSource === 'household' ? 'green' : 'blue'}
                  data-testid="case-location-source"
                >
                  {t(`case.source.${c.locationSource ?? 'unknown'}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('case.description')} span={2}>
                <div className="cc-note">{c.description}</div>
              </Descriptions.Item>
              {c.mediaUrl && (
                <Descriptions.Item label={t('case.mediaUrl')} span={2}>
                  <Typography.Link
                    href={c.mediaUrl}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    data-testid="case-media-url"
                  >
                    {c.mediaUrl}
                  </Typography.Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('case.photos')} style={{ marginBottom: 16 }} data-testid="case-photos">
            {photos.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noPhotos')} />
            ) : (
              <Image.PreviewGroup>
                <Space wrap>
                  {photos.map((p) => (
                    <div key={p.id} className="cc-photo">
                      <Image src={p.url} width={120} height={120} style={{ objectFit: 'cover' }} alt={p.stage} />
                      <Tag>{t(`stage.${p.stage}`)}</Tag>
                      {p.publicApproved && (
                        <Tag color="green" data-testid="photo-public">
                          {t('photo.public')}
                        </Tag>
                      )}
                      {canApprove && (
                        <Button
                          size="small"
                          type={p.publicApproved ? 'default' : 'link'}
                          icon={p.publicApproved ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                          loading={toggling === p.id}
                          onClick={() => togglePublic(p)}
                          data-testid="photo-public-toggle"
                        >
                          {t(p.publicApproved ? 'photo.makePrivate' : 'photo.makePublic')}
                        </Button>
                      )}
                    </div>
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            {photos.length > 0 && canApprove && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {t('photo.publicHint')}
              </Typography.Paragraph>
            )}
          </Card>
          <Card size="small" title={t('case.timeline')}>
            <CaseTimeline entries={c.timeline} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('case.actions')} style={{ marginBottom: 16 }}>
            <CaseActions c={c} onDone={loaded.reload} size="middle" showNone />
            <CaseToWorklist c={c} />
          </Card>
          <Card size="small" title={t('case.map')} style={{ marginBottom: 16 }} styles={{ body: { padding: 8 } }}>
            <GeoMap
              outline={outline.data ?? null}
              points={[{ id: c.id, at: [c.lng, c.lat], label: c.number.slice(-6) }]}
              testId="case-map"
              style={{ maxHeight: 320 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('case.coords')}: {c.lng.toFixed(6)}, {c.lat.toFixed(6)} (WGS-84)
            </Typography.Text>
          </Card>
          <Card size="small">
            <RuleTraceList c={c} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
