import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'

import { AuthFrame } from './AuthFrame'
import { TooManyAttempts } from './TooManyAttempts'
import { throttledFor } from '../throttled'
import { useAuthConfig } from '../api/get-config'
import { useRegister } from '../api/register'
import { paths, withNext } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/Field'
import { Loading } from '@/components/Loading'
import { isApiError } from '@/lib/api-client'

/** `/register`; when the server says registration is closed, a page that says so instead of the form. */
export function RegisterPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const config = useAuthConfig()
  const loginLink = (
    <>
      {t('auth.haveAccount')} <Link to={withNext(paths.login, params.get('next'))}>{t('auth.loginLink')}</Link>
    </>
  )
  if (config.isPending) {
    return (
      <AuthFrame title={t('auth.registerTitle')} footer={loginLink}>
        <Loading />
      </AuthFrame>
    )
  }
  if (config.data?.registration_open === false) {
    return (
      <AuthFrame title={t('auth.registrationClosed')} footer={loginLink}>
        <p>{t('auth.registrationClosedText')}</p>
      </AuthFrame>
    )
  }
  return <RegisterForm footer={loginLink} />
}

function RegisterForm({ footer }: { footer: ReactNode }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const next = params.get('next')
  const [username, setUsername] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const register = useRegister()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (password !== again) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    const name = username.trim()
    register.mutate(
      { username: name, password, email: email.trim() },
      { onSuccess: (user) => navigate(withNext(paths.login, next, { registered: user.username })) },
    )
  }

  const error = register.error
  const fields = isApiError(error, 400) ? error.fields : {}
  const knownFields = ['username', 'password', 'email']
  const otherErrors = isApiError(error, 400) && knownFields.some((f) => fields[f]) ? null : error
  const wait = throttledFor(error)

  return (
    <AuthFrame title={t('auth.registerTitle')} footer={footer}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t('auth.username')}
          errors={fields.username}
          required
          name="username"
          autoComplete="username"
          value={username}
          onChange={setUsername}
          maxLength={150}
        />
        <TextField
          label={t('auth.email')}
          errors={fields.email}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
        />
        <TextField
          label={t('auth.password')}
          errors={fields.password}
          hint={t('auth.passwordHint')}
          required
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <TextField
          label={t('auth.passwordAgain')}
          errors={mismatch ? [t('auth.passwordsDiffer')] : undefined}
          required
          name="password2"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        {wait !== null ? <TooManyAttempts seconds={wait} /> : <ErrorBanner error={otherErrors} />}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={register.isPending || !username.trim() || !password || !again}
        >
          {register.isPending ? t('auth.registering') : t('auth.register')}
        </button>
      </form>
    </AuthFrame>
  )
}
