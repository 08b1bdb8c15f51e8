import { useTranslation } from 'react-i18next'

/** "Too many attempts. Try again in N s.", in the UI's language. */
export function TooManyAttempts({ seconds }: { seconds: number }) {
  const { t } = useTranslation()
  return (
    <div className="banner banner-error" role="alert">
      {t('auth.tooManyAttempts', { seconds })}
    </div>
  )
}
