import { useTranslation } from 'react-i18next'

import { PasswordForm } from './PasswordForm'
import { TokensCard } from './TokensCard'
import { PageHeader } from '@/components/PageHeader'
import '../account.css'

/** `/account`: change the password; list, make and revoke API tokens. */
export function AccountPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <div className="account-grid">
        <PasswordForm />
        <TokensCard />
      </div>
    </>
  )
}
