/**
 * 会议类型设置: notice period and proxies per meeting type (county staff change them; the quorums are
 * the law's), and for the councils' meetings (两会) their quorum and majority (their own rules).
 */
import { App, InputNumber, Select, Space, Switch, Table } from 'antd';
import { api, errorMessage } from '../../../shared/api';
import { MEETING_TYPE_LABELS, OWN_FRACTION_LABELS, OWN_FRACTIONS, type TypeRules } from '../../../shared/deliberation';
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
        ...(next.ownRule ? { ownRule: next.ownRule } : {}),
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
          {
            title: t('dlb.ownRule'),
            dataIndex: 'ownRule',
            render: (v: TypeRules['ownRule'], r: TypeRules) => {
              if (!v) return t('dlb.ownRuleLaw');
              const fraction = (key: 'quorum' | 'decision') => (
                <Select
                  size="small"
                  value={v[key]}
                  disabled={!editable}
                  style={{ width: 130 }}
                  onChange={(f) => save(r, { ownRule: { ...v, [key]: f } })}
                  options={OWN_FRACTIONS.map((f) => ({
                    value: f,
                    label: pick(OWN_FRACTION_LABELS[f].zh, OWN_FRACTION_LABELS[f].en),
                  }))}
                />
              );
              return (
                <Space wrap size={4}>
                  {t('dlb.ownQuorum')}
                  {fraction('quorum')}
                  <Select
                    size="small"
                    value={v.base}
                    disabled={!editable}
                    style={{ width: 120 }}
                    onChange={(base) => save(r, { ownRule: { ...v, base } })}
                    options={[
                      { value: 'present', label: t('dlb.ownBasePresent') },
                      { value: 'members', label: t('dlb.ownBaseMembers') },
                    ]}
                  />
                  {fraction('decision')}
                  {t('dlb.ownAgree')}
                </Space>
              );
            },
          },
        ]}
      />
    </>
  );
}
