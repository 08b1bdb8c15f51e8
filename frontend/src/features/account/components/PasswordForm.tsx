import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useChangePassword } from '../api/change-password'
import { ErrorBanner } from '@/components/ErrorBanner'
import { useMe } from '@/features/auth'
import { TextField } from '@/components/Field'
import { isApiError } from '@/lib/api-client'

/** Current password, new password twice; the server checks the rest (Django's validators). */
export function PasswordForm() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const [changed, setChanged] = useState(false)
  const change = useChangePassword()
  const me = useMe()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setChanged(false)
    if (next !== again) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('')
          setNext('')
          setAgain('')
          setChanged(true)
        },
      },
    )
  }

  const error = change.error
  const fields = isApiError(error, 400) ? error.fields : {}
  const shownInFields = isApiError(error, 400) && (fields.current_password || fields.new_password)
  const wait = isApiError(error, 429) && typeof error.body.wait === 'number' ? error.body.wait : null

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        {t('account.password.title')}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        {/* For password managers: whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={me.data?.username ?? ''} hidden readOnly />
        <TextField
          label={t('account.password.current')}
          errors={fields.current_password}
          required
          name="current_password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <TextField
          label={t('account.password.new')}
          errors={fields.new_password}
          hint={t('account.password.hint')}
          required
          name="new_password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <TextField
          label={t('account.password.again')}
          errors={mismatch ? [t('account.password.differ')] : undefined}
          required
          name="new_password_again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        {changed && (
          <div className="banner banner-success" role="status">
            {t('account.password.changed')}
          </div>
        )}
        {wait !== null ? (
          <div className="banner banner-error" role="alert">
            {t('account.password.tooMany', { seconds: wait })}
          </div>
        ) : (
          !shownInFields && <ErrorBanner error={error} />
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={change.isPending || !current || !next || !again}
        >
          {change.isPending ? t('account.password.saving') : t('account.password.submit')}
        </button>
      </form>
    </section>
  )
}
