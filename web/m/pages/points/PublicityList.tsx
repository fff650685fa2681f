/** 公示: awards in publicity in my village (names masked, 张*明); anyone but the person may raise an objection (提出异议). */
import { Button, DotLoading, ErrorBlock, InfiniteScroll, List, Popup, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type PublicityRow, signed } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

export function PublicityList() {
  const { t } = useI18n();
  const rows = usePaged((cursor) => api.get<Page<PublicityRow>>('/api/points/publicity', { cursor }), []);
  const [target, setTarget] = useState<PublicityRow | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!target || reason.trim().length < 2) return;
    setBusy(true);
    try {
      await api.post(`/api/points/awards/${target.id}/objections`, { reason: reason.trim() });
      Toast.show({ icon: 'success', content: t('pts.objected') });
      setTarget(null);
      setReason('');
      rows.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (rows.loading && !rows.items.length)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  if (rows.error) return <ErrorBlock status="disconnected" description={errorMessage(rows.error)} />;
  return (
    <>
      <div className="cc-m-hint cc-m-inset">{t('pts.publicityHint')}</div>
      {!rows.items.length ? (
        <ErrorBlock status="empty" title={t('pts.publicityEmpty')} description="" />
      ) : (
        <List mode="card" data-testid="m-publicity">
          {rows.items.map((r) => (
            <List.Item
              key={r.id}
              description={
                <>
                  {r.reason}
                  <div className="cc-m-hint">{t('pts.publicityUntil', { at: formatDateTime(r.publicityUntil) })}</div>
                </>
              }
              extra={
                <div className="cc-m-pub-extra">
                  <span className={r.kind === 'deduct' ? 'cc-m-minus' : 'cc-m-plus'}>
                    {signed(r.kind === 'deduct' ? -r.amount : r.amount)}
                  </span>
                  {r.state === 'objected' && (
                    <Tag color="warning" fill="outline">
                      {t('pts.objectedState')}
                    </Tag>
                  )}
                  {r.actions.includes('object') && (
                    <Button size="mini" fill="outline" onClick={() => setTarget(r)} data-testid="m-object">
                      {t('pts.object')}
                    </Button>
                  )}
                </div>
              }
            >
              {r.name}
            </List.Item>
          ))}
        </List>
      )}
      <InfiniteScroll loadMore={rows.loadMore} hasMore={rows.more} />
      <Popup
        visible={!!target}
        onMaskClick={() => setTarget(null)}
        bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16 }}
      >
        <div className="cc-m-shop-name">{target ? t('pts.objectTitle', { name: target.name }) : ''}</div>
        <TextArea
          value={reason}
          onChange={setReason}
          placeholder={t('pts.objectReason')}
          rows={4}
          maxLength={500}
          showCount
          className="cc-m-object-text"
        />
        <Button block color="primary" loading={busy} disabled={reason.trim().length < 2} onClick={submit}>
          {t('pts.objectSubmit')}
        </Button>
      </Popup>
    </>
  );
}
