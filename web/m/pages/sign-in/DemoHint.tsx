/** Demo only: the demo phones to tap, and a button that reads the last code sent from the demo SMS outbox. */
import { Button } from 'antd-mobile';
import { api, errorMessage } from '../../../shared/api';
import type { DemoInfo, DemoSms } from '../../../shared/types';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

export function DemoHint({
  phone,
  onPhone,
  onCode,
  onMessage,
}: {
  phone: string;
  onPhone: (p: string) => void;
  onCode: (c: string) => void;
  /** Says why no code was filled in (shown by the sign-in page until the next action). */
  onMessage: (m: string) => void;
}) {
  const { t } = useI18n();
  const demo = useLoad(() => api.get<DemoInfo>('/api/demo'), []);

  const fetchCode = async () => {
    try {
      const { body } = await api.get<DemoSms>('/api/demo/sms', { phone });
      const code = body?.match(/\d{6}/)?.[0];
      if (code) onCode(code);
      else onMessage(t('demo.noCode'));
    } catch (e) {
      onMessage(errorMessage(e));
    }
  };

  return (
    <div className="cc-m-demo" data-testid="m-demo-hint">
      <div className="cc-m-demo-title">
        <span className="cc-m-demo-tag">{t('demo.tag')}</span> {t('demo.phones')}
      </div>
      <div className="cc-m-demo-phones">
        {(demo.data?.residents ?? []).map((r) => (
          <Button
            key={r.phone}
            size="mini"
            fill={phone === r.phone ? 'solid' : 'outline'}
            color="warning"
            onClick={() => onPhone(r.phone)}
          >
            {r.phone} · {r.displayName}
          </Button>
        ))}
      </div>
      <Button
        block
        size="small"
        fill="outline"
        color="warning"
        style={{ marginTop: 10 }}
        disabled={!/^1\d{10}$/.test(phone)}
        onClick={fetchCode}
        data-testid="m-demo-code"
      >
        {t('demo.fillCode')}
      </Button>
    </div>
  );
}
