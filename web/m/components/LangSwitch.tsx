/** 中文 / English for the resident app (the same stored choice as the console): two plain buttons. */
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../i18n';

const CHOICES: readonly { value: Lang; label: 'lang.zh' | 'lang.en' }[] = [
  { value: 'zh-CN', label: 'lang.zh' },
  { value: 'en', label: 'lang.en' },
];

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div
      className="cc-m-lang"
      role="group"
      aria-label={`${t('lang.zh')} / ${t('lang.en')}`}
      data-testid="m-lang-switch"
    >
      {CHOICES.map((c) => (
        <button key={c.value} type="button" aria-pressed={lang === c.value} onClick={() => setLang(c.value)}>
          {t(c.label)}
        </button>
      ))}
    </div>
  );
}
