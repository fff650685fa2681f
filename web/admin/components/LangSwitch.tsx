/** 中文 / English, kept in localStorage; the server's messages follow through Accept-Language. */
import { Segmented } from 'antd';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../i18n';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
      data-testid="lang-switch"
    />
  );
}
