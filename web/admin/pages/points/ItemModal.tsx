/** Create or edit a shop item; the stock is set on creation and changed only by restocking (and by redemptions). */
import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../shared/api';
import type { NewItemInput, ShopItem } from '../../../shared/points';
import { DivisionPicker } from '../../components/DivisionPicker';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { useBusyAction } from './useBusyAction';

/** The form: a new item's fields, and whether it is on sale (when editing). */
type Values = Omit<NewItemInput, 'photoUrl'> & { active: boolean };

export function ItemModal({
  item,
  onClose,
  onDone,
}: {
  item: ShopItem | 'new' | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const site = useSite();
  const [form] = Form.useForm<Values>();
  const [busy, run] = useBusyAction();
  const isNew = item === 'new';
  const roots = scopeRoots(me, site.county.code);

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    if (item === 'new')
      form.setFieldsValue({
        divisionCode: roots.length === 1 && roots[0].length >= 9 ? roots[0] : undefined,
        stock: 1,
        active: true,
      });
    else form.setFieldsValue({ ...item, description: item.description ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item, form]);

  const submit = async () => {
    const v = await form.validateFields();
    await run(async () => {
      const common = {
        name: v.name.trim(),
        description: v.description?.trim() ?? '',
        pricePoints: v.pricePoints,
        perPersonLimit: v.perPersonLimit ?? null,
      };
      if (isNew)
        await api.post('/api/points/console/items', { ...common, divisionCode: v.divisionCode, stock: v.stock });
      else if (item) await api.patch(`/api/points/console/items/${item.id}`, { ...common, active: v.active });
      message.success(t('pts.created'));
      onDone();
    });
  };

  return (
    <Modal
      open={!!item}
      title={t(isNew ? 'pts.newItem' : 'pts.editItem')}
      onOk={submit}
      onCancel={onClose}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" data-testid="pts-item-form">
        {isNew && (
          <Form.Item name="divisionCode" label={t('pts.shop')} rules={[{ required: true }]}>
            <DivisionPicker rootCodes={roots} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('pts.item')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} id="pts-item-name" />
        </Form.Item>
        <Form.Item name="description" label={t('pts.description')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="pricePoints" label={t('pts.price')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} id="pts-item-price" />
        </Form.Item>
        {isNew && (
          <Form.Item name="stock" label={t('pts.stock')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} id="pts-item-stock" />
          </Form.Item>
        )}
        <Form.Item name="perPersonLimit" label={t('pts.limit')}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} placeholder={t('pts.noCap')} />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('pts.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
