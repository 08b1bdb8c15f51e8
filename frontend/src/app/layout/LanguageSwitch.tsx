import { useTranslation } from 'react-i18next'

import { changeLanguage, LANGUAGES } from '@/i18n'

/** EN / 中文: switches at once and is remembered (this browser, and the server's language cookie). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language === 'zh-hans' ? 'zh-Hans' : 'en'}
          className={i18n.language === language ? 'active' : ''}
          aria-pressed={i18n.language === language}
          title={t(`language.name.${language}`)}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </div>
  )
}
