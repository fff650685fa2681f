/** 我的荣誉: the certificates of the resident's register record, each downloadable as its PDF. */
import { Button, ErrorBlock, List, Tag, Toast } from 'antd-mobile';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import type { CertificateView } from '../../../../src/server/modules/selections/certificates.schema';
import { KIND_LABELS } from '../../../../src/server/modules/selections/selections.labels';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

export function MyHonours() {
  const { t, lang } = useI18n();
  const list = useLoad(() => api.get<{ items: CertificateView[] }>('/api/selection-certificates/mine'), []);
  const l = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const download = async (c: CertificateView) => {
    try {
      await api.download(`/api/selection-certificates/${c.number}/pdf`, {}, `${c.number}.pdf`);
      Toast.show({ icon: 'success', content: t('msel.downloaded') });
    } catch (e) {
      showError(e);
    }
  };
  if (list.error) return <ErrorBlock status="disconnected" description={errorMessage(list.error)} />;
  const items = list.data?.items ?? [];
  return (
    <div className="cc-m-page" data-testid="m-honours">
      {list.data && !items.length ? (
        <ErrorBlock status="empty" title={t('msel.noHonours')} description="" />
      ) : (
        <List mode="card" header={t('msel.honours')}>
          {items.map((c) => (
            <List.Item
              key={c.number}
              prefix={<Tag color="danger">{l(KIND_LABELS[c.kind])}</Tag>}
              description={`${t('msel.certNumber', { n: c.number })} · ${formatDateTime(c.issuedAt)}`}
              extra={
                <Button size="mini" color="primary" onClick={() => download(c)} data-testid={`m-cert-${c.number}`}>
                  {t('msel.download')}
                </Button>
              }
              data-testid="m-honour"
            >
              {c.selectionTitle} · {t('msel.rank', { n: c.rank })}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
