/**
 * 转为三张清单问题: staff who work the three lists of the case's village list it as a problem there
 * (source `case`, the case number as its reference). The button follows the user's grants; the server
 * decides (it checks the case is readable by them and lies in the village).
 */
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import type { CaseRow } from '../../../shared/cases';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

/** The roles that work a village's lists (worklists.policy.ts WORKLIST_STAFF; a grid's scope widens to its village). */
const WORKLIST_STAFF = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

export function CaseToWorklist({
  c,
}: {
  c: Pick<CaseRow, 'number' | 'title' | 'description' | 'divisionCode' | 'gridCode'>;
}) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ title: string; description: string }>();
  const village = (c.gridCode ?? c.divisionCode).slice(0, 12);
  const works =
    can('worklists.read') &&
    village.length === 12 &&
    me.grants.some((g) => WORKLIST_STAFF.includes(g.role) && village.startsWith(g.scopeCode.slice(0, 12)));
  if (!works) return null;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await api.post<{ id: string }>('/api/worklists/problems', {
        villageCode: village,
        source: 'case',
        sourceRef: c.number,
        title: v.title.trim(),
        description: v.description.trim(),
      });
      message.success(t('case.toWorklistDone'));
      setOpen(false);
      navigate(`/worklists/${r.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div style={{ marginTop: 8 }}>
        <Button data-testid="case-to-worklist" onClick={() => setOpen(true)}>
          {t('case.toWorklist')}
        </Button>
      </div>
      <Modal
        open={open}
        title={t('case.toWorklist')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('case.toWorklistHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ title: c.title.slice(0, 100), description: c.description.slice(0, 2000) }}
        >
          <Form.Item name="title" label={t('wl.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} data-testid="case-to-worklist-title" />
          </Form.Item>
          <Form.Item name="description" label={t('wl.description')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
