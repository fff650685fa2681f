/** 开放中, or 已关闭 · 明天 08:00 开放 (CST): a station's state now, for the riders' pages. */
import { Tag } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { whenCst } from './hours';

/** `at`: the server's now, against which today and tomorrow are counted. */
export function OpenTag({ openNow, opensAt, at }: { openNow: boolean; opensAt: string | null; at: string }) {
  const { t, lang } = useI18n();
  if (openNow)
    return (
      <Tag color="success" data-testid="pub-open">
        {t('st.pub.openNow')}
      </Tag>
    );
  return (
    <Tag color="default" data-testid="pub-closed">
      {t('st.pub.closed')}
      {' · '}
      {opensAt
        ? t('st.pub.opensAt', {
            when: whenCst(opensAt, at, { today: t('st.pub.today'), tomorrow: t('st.pub.tomorrow') }, lang === 'en'),
          })
        : t('st.pub.neverOpen')}
    </Tag>
  );
}
