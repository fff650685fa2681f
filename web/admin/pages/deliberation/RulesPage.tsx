/** 会议类型设置: notice period and proxies per meeting type (county staff change them; the quorums are the law's). */
import { App, InputNumber, Switch, Table } from 'antd';
import { api, errorMessage } from '../../../shared/api';
import { MEETING_TYPE_LABELS, type TypeRules } from '../../../shared/deliberation';
import { useLoad } from '../../../shared/useLoad';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function RulesPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const editable = useSession().can('deliberation.rules');
  const rules = useLoad(() => api.get<{ items: TypeRules[] }>('/api/deliberation/rules'), []);
  const save = async (r: TypeRules, patch: Partial<TypeRules>) => {
    const next = { ...r, ...patch };
    try {
      await api.put(`/api/deliberation/rules/${r.meetingType}`, {
        noticeDays: next.noticeDays,
        proxiesAllowed: next.proxiesAllowed,
        maxProxies: next.maxProxies,
      });
      rules.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle title={t('menu.meetingRules')} hint={t('dlb.rulesHint')} />
      <Table
        rowKey="meetingType"
        size="small"
        pagination={false}
        dataSource={rules.data?.items ?? []}
        columns={[
          {
            title: t('dlb.type'),
            dataIndex: 'meetingType',
            render: (v: TypeRules['meetingType']) => pick(MEETING_TYPE_LABELS[v].zh, MEETING_TYPE_LABELS[v].en),
          },
          {
            title: t('dlb.noticeDays'),
            dataIndex: 'noticeDays',
            render: (v: number, r: TypeRules) => (
              <InputNumber
                min={0}
                max={60}
                value={v}
                disabled={!editable}
                onBlur={(e) => save(r, { noticeDays: Number(e.target.value) })}
              />
            ),
          },
          {
            title: t('dlb.proxies'),
            dataIndex: 'proxiesAllowed',
            render: (v: boolean, r: TypeRules) => (
              <Switch
                checked={v}
                disabled={!editable}
                onChange={(c) => save(r, { proxiesAllowed: c, maxProxies: c ? Math.max(1, r.maxProxies) : 0 })}
              />
            ),
          },
          {
            title: t('dlb.maxProxies'),
            dataIndex: 'maxProxies',
            render: (v: number, r: TypeRules) => (
              <InputNumber
                min={0}
                max={10}
                value={v}
                disabled={!editable || !r.proxiesAllowed}
                onBlur={(e) => save(r, { maxProxies: Number(e.target.value) })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
