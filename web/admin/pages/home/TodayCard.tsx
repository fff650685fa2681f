/**
 * 今日待办: the counts the server gives this person's roles (GET /api/console/today), most pressing
 * first, each a link to the list behind it. Nothing waiting reads as a calm day, not a row of zeros.
 */
import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { TodayAnswer, TodayItem } from '../../../../src/server/today/today.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { useI18n } from '../../i18n';

/** A non-zero count's colour by its tone; zero is always grey. */
const TONE_COLOR: Record<TodayItem['tone'], string> = { work: '#1f1f1f', warning: '#d46b08', danger: '#cf1322' };

function TodayTile({ item }: { item: TodayItem }) {
  const { pick } = useI18n();
  const quiet = item.count === 0;
  return (
    <Link
      to={item.link}
      data-testid={`today-${item.key}`}
      aria-label={`${pick(item.label.zh, item.label.en)} ${item.count}`}
    >
      <Card size="small" hoverable className={`cc-today-tile${quiet ? ' cc-today-quiet' : ''}`}>
        <div className="cc-today-count" style={{ color: quiet ? '#bfbfbf' : TONE_COLOR[item.tone] }}>
          {item.count}
        </div>
        <Typography.Text strong={!quiet} type={quiet ? 'secondary' : undefined}>
          {pick(item.label.zh, item.label.en)}
        </Typography.Text>
        <div className="cc-today-hint">{pick(item.hint.zh, item.hint.en)}</div>
      </Card>
    </Link>
  );
}

function CalmDay({ items }: { items: TodayItem[] }) {
  const { t, pick } = useI18n();
  return (
    <Result
      className="cc-today-calm"
      icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
      title={t('today.calm')}
      subTitle={t('today.calmHint')}
      extra={
        items.length > 0 && (
          <Space wrap size={4}>
            <Typography.Text type="secondary">{t('today.lists')}</Typography.Text>
            {items
              .filter((i, n) => items.findIndex((j) => j.link === i.link) === n)
              .map((i) => (
                <Link key={i.key} to={i.link}>
                  {pick(i.label.zh, i.label.en)}
                </Link>
              ))}
          </Space>
        )
      }
    />
  );
}

export function TodayCard() {
  const { t } = useI18n();
  const today = useLoad(() => api.get<TodayAnswer>('/api/console/today'), []);
  const data = today.data;
  return (
    <Card
      title={t('today.title')}
      size="small"
      data-testid="today-card"
      extra={
        data &&
        data.waiting > 0 && (
          <Typography.Text type="secondary">{t('today.waiting', { n: data.waiting })}</Typography.Text>
        )
      }
    >
      <ErrorAlert error={today.error} onRetry={today.reload} />
      {!data && today.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {data && data.waiting === 0 && <CalmDay items={data.items} />}
      {data && data.waiting > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t('today.hint')}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {data.items.map((i) => (
              <Col key={i.key} xs={12} md={8} xl={6} xxl={4}>
                <TodayTile item={i} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}
