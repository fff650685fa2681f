/** 积分超市商品: the items of the shops I keep — price in points with its yuan value, stock, per-person limit; create, edit, restock. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { exchangeText, type ShopItem } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ItemModal } from './ItemModal';
import { LoadMore } from '../../components/LoadMore';
import { PointsTable } from './PointsTable';
import { useBusyAction } from './useBusyAction';
import { usePlaceNames } from '../../../shared/usePlaceNames';

export function ItemsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [editing, setEditing] = useState<ShopItem | 'new' | null>(null);
  const [restocking, setRestocking] = useState<ShopItem | null>(null);
  const [busy, run] = useBusyAction();
  const [form] = Form.useForm<{ quantity: number }>();
  const items = usePaged((cursor) => api.get<Page<ShopItem>>('/api/points/console/items', { cursor }), []);
  const place = usePlaceNames(items.items.map((i) => i.divisionCode));
  const keeper = can('points.shop');

  const restock = async () => {
    const v = await form.validateFields();
    if (!restocking) return;
    await run(async () => {
      await api.post(`/api/points/console/items/${restocking.id}/restock`, { quantity: v.quantity });
      message.success(t('pts.done'));
      setRestocking(null);
      items.reload();
    });
  };

  return (
    <>
      <PageTitle
        title={t('menu.pointsItems')}
        hint={t('pts.itemsHint')}
        extra={
          <Space>
            {keeper && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid="pts-item-new"
              >
                {t('pts.newItem')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={items.reload}>
              {t('action.refresh')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <ErrorAlert error={items.error} onRetry={items.reload} />
        <PointsTable<ShopItem>
          rowKey="id"
          loading={items.loading}
          dataSource={items.items}
          pageSize={false}
          scroll={{ x: 900 }}
          data-testid="pts-items-table"
          onRow={(i) => ({ 'data-item': i.name }) as React.HTMLAttributes<HTMLTableRowElement>}
          columns={[
            {
              title: t('pts.item'),
              dataIndex: 'name',
              render: (n: string, i) => (
                <div>
                  <Typography.Text strong>{n}</Typography.Text>
                  {i.description && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.description}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            { title: t('pts.shop'), dataIndex: 'divisionCode', width: 150, render: place },
            {
              title: t('pts.price'),
              dataIndex: 'pricePoints',
              width: 90,
              align: 'right',
              render: (p: number) => (lang === 'en' ? `${p} pts` : `${p} 积分`),
            },
            {
              title: t('pts.yuan'),
              dataIndex: 'yuanValue',
              width: 150,
              render: (y: number, i) => (
                <span>
                  {lang === 'en' ? `¥${y}` : `${y} 元`}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    ({exchangeText(i.exchange, lang)})
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: t('pts.stock'),
              dataIndex: 'stock',
              width: 70,
              align: 'right',
              render: (s: number) => (s > 0 ? s : <Typography.Text type="danger">0</Typography.Text>),
            },
            {
              title: t('pts.limit'),
              dataIndex: 'perPersonLimit',
              width: 90,
              align: 'right',
              render: (l: number | null) => l ?? t('pts.noCap'),
            },
            {
              title: t('pts.active'),
              dataIndex: 'active',
              width: 70,
              render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? '✓' : '—'}</Tag>,
            },
            {
              title: t('col.actions'),
              key: 'a',
              width: 150,
              render: (_: unknown, i) => (
                <Space size={4}>
                  {i.actions.includes('update') && (
                    <Button size="small" onClick={() => setEditing(i)} data-action="edit">
                      {t('pts.edit')}
                    </Button>
                  )}
                  {i.actions.includes('restock') && (
                    <Button size="small" onClick={() => setRestocking(i)} data-action="restock">
                      {t('pts.restock')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <LoadMore paged={items} />
      </Card>
      <ItemModal
        item={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          items.reload();
        }}
      />
      <Modal
        open={!!restocking}
        title={`${t('pts.restock')} · ${restocking?.name ?? ''}`}
        onOk={restock}
        onCancel={() => setRestocking(null)}
        okText={t('pts.restock')}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        afterClose={() => form.resetFields()}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="quantity"
            label={t('pts.restockQty')}
            extra={`${t('pts.stock')}: ${restocking?.stock ?? 0}`}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
