import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'

import { AuthFrame } from './AuthFrame'
import { TooManyAttempts } from './TooManyAttempts'
import { throttledFor } from '../throttled'
import { useAuthConfig } from '../api/get-config'
import { useLogin } from '../api/login'
import { paths, safeNext, withNext } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/Field'
import { isApiError } from '@/lib/api-client'

export function LoginPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const registered = params.get('registered')
  const [username, setUsername] = useState(registered ?? '')
  const [password, setPassword] = useState('')
  const login = useLogin()
  const registrationOpen = useAuthConfig().data?.registration_open !== false

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) },
    )
  }

  const error = login.error
  const wrongCredentials = isApiError(error, 401)
  const wait = throttledFor(error)
  const fields = isApiError(error, 400) ? error.fields : {}

  return (
    <AuthFrame
      title={t('auth.loginTitle')}
      footer={
        registrationOpen && (
          <>
            {t('auth.noAccount')} <Link to={withNext(paths.register, params.get('next'))}>{t('auth.registerLink')}</Link>
          </>
        )
      }
    >
      {registered && (
        <div className="banner banner-success" role="status">
          {t('auth.registered', { username: registered })}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t('auth.username')}
          errors={fields.username}
          required
          name="username"
          autoComplete="username"
          value={username}
          onChange={setUsername}
        />
        <TextField
          label={t('auth.password')}
          errors={fields.password}
          required
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {wait !== null ? (
          <TooManyAttempts seconds={wait} />
        ) : wrongCredentials ? (
          <div className="banner banner-error" role="alert">
            {t('auth.wrongCredentials')}
          </div>
        ) : (
          !isApiError(error, 400) && <ErrorBanner error={error} />
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending || !username || !password}>
          {login.isPending ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
    </AuthFrame>
  )
}
