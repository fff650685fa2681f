/** 红色代办 board: errands at my places by state; one errand's notes (audited view), assignment to a party member or cadre of its village. */
import { App, Button, Card, Descriptions, Drawer, Segmented, Select, Space, Table, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ErrandDetail, ErrandSummary } from '../../../../src/server/modules/services/errands.schema';
import type { ErrandState } from '../../../../src/server/modules/services/services.labels';
import {
  ERRAND_EVENT_LABELS,
  ERRAND_STATE_LABELS,
  ERRAND_STATES,
  THANKS_LABELS,
} from '../../../../src/server/modules/services/services.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useLoad } from '../../../shared/useLoad';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

interface Candidate {
  userId: string;
  displayName: string;
  phoneMasked: string | null;
  source: 'party_member' | 'cadre';
}

export function ErrandsPage() {
  const { t, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const [search] = useSearchParams(); // ?state=requested: the home's count opens its filter
  const [state, setState] = useState<ErrandState | ''>(() => {
    const asked = search.get('state');
    return asked && asked in ERRAND_STATE_LABELS ? (asked as ErrandState) : '';
  });
  const [open, setOpen] = useState<string | null>(null);
  const drill = useDrillFilter(); // ?scope=&from=&to=: a cockpit figure's errands
  const list = usePaged(
    (cursor) =>
      api.get<Page<ErrandSummary>>('/api/services/console/errands', {
        cursor,
        state: state || undefined,
        ...drill.filter,
      }),
    [state, drill.key],
  );
  return (
    <>
      <PageTitle title={t('menu.svcErrands')} hint={t('svc.errandsHint')} />
      <Card size="small">
        <DrillFilterBar filter={drill.filter} onChange={drill.update} />
        <br />
        <Segmented
          value={state}
          onChange={(v) => setState(v as ErrandState | '')}
          options={[
            { value: '', label: t('svc.allStates') },
            ...ERRAND_STATES.map((s) => ({ value: s, label: ERRAND_STATE_LABELS[s][l] })),
          ]}
        />
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<ErrandSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          style={{ marginTop: 12 }}
          onRow={(e) =>
            ({ onClick: () => setOpen(e.id), 'data-errand': e.number }) as React.HTMLAttributes<HTMLTableRowElement>
          }
          columns={[
            { title: t('svc.number'), dataIndex: 'number' },
            { title: t('svc.item'), dataIndex: 'itemName' },
            { title: t('svc.requester'), render: (_, e) => `${e.requesterName} · ${e.divisionName}` },
            { title: t('svc.state'), render: (_, e) => <Tag color="blue">{ERRAND_STATE_LABELS[e.state][l]}</Tag> },
            { title: t('svc.handler'), dataIndex: 'handlerName' },
            {
              title: t('svc.due'),
              render: (_, e) => (
                <Space>
                  {formatDateTime(e.dueAt)}
                  {e.overdue && <Tag color="red">{t('svc.overdue')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
        <LoadMore paged={list} />
      </Card>
      <Drawer open={!!open} width={640} onClose={() => (setOpen(null), list.reload())}>
        {open && <ErrandDrawer id={open} />}
      </Drawer>
    </>
  );
}

function ErrandDrawer({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const e = useLoad(() => api.get<ErrandDetail>(`/api/services/errands/${id}`), [id]);
  const candidates = useLoad(() => api.get<Candidate[]>(`/api/services/console/errands/${id}/candidates`), [id]);
  const [handler, setHandler] = useState<string>();
  if (e.error) return <ErrorAlert error={e.error} />;
  if (!e.data) return null;
  const x = e.data;
  const assign = async () => {
    try {
      await api.post(`/api/services/errands/${id}/assign`, { handlerId: handler });
      message.success(t('svc.done'));
      e.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" title={`${x.number} · ${x.itemName}`}>
        <Descriptions.Item label={t('svc.state')}>{ERRAND_STATE_LABELS[x.state][l]}</Descriptions.Item>
        <Descriptions.Item label={t('svc.requester')}>
          {x.requesterName} · {x.divisionName}
          {x.onBehalfReason ? `（${x.onBehalfReason}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.due')}>{formatDateTime(x.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.notes')}>
          {x.notes} {x.documents.join('、')}
        </Descriptions.Item>
        {x.handlerName && <Descriptions.Item label={t('svc.handler')}>{x.handlerName}</Descriptions.Item>}
        {x.rating !== null && (
          <Descriptions.Item label="★">
            {x.rating} {x.thanks ? THANKS_LABELS[x.thanks][l] : ''} {x.ratingComment ?? ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {x.actions.includes('assign') && (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            placeholder={t('svc.pickHandler')}
            value={handler}
            onChange={setHandler}
            data-testid="svc-errand-handler"
            options={(candidates.data ?? []).map((c) => ({
              value: c.userId,
              label: `${c.displayName} ${c.phoneMasked ?? ''} · ${c.source === 'cadre' ? '下沉干部' : '党员'}`,
            }))}
          />
          <Button type="primary" disabled={!handler} onClick={assign} data-testid="svc-errand-assign">
            {t('svc.assign')}
          </Button>
        </Space.Compact>
      )}
      <Timeline
        items={x.events.map((v) => ({
          children: `${formatDateTime(v.at)} ${ERRAND_EVENT_LABELS[v.kind]?.[l] ?? v.kind} ${v.actorName ?? ''} ${v.note ?? ''}`,
        }))}
      />
    </Space>
  );
}
