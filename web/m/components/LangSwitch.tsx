/** 中文 / English for the resident app (the same stored choice as the console). */
import { Segmented } from 'antd-mobile';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../i18n';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
      data-testid="m-lang-switch"
    />
  );
}
