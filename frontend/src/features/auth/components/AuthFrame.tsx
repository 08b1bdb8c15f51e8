import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { LanguageSwitch } from '@/app/layout/LanguageSwitch'

/** The centred card that login and register share, with the language switch above it. */
export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="auth-page">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      <div className="auth-card card">
        <div className="auth-brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={36} height={36} />
          <div>
            <div className="auth-name">{t('app.name')}</div>
            <div className="muted">{t('app.tagline')}</div>
          </div>
        </div>
        <h1>{title}</h1>
        {children}
        <div className="auth-footer">{footer}</div>
      </div>
    </div>
  )
}
