import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'

import { AuthFrame } from './AuthFrame'
import { useRegister } from '../api/register'
import { paths, withNext } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/Field'
import { isApiError } from '@/lib/api-client'

export function RegisterPage() {
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

  return (
    <AuthFrame
      title={t('auth.registerTitle')}
      footer={
        <>
          {t('auth.haveAccount')} <Link to={withNext(paths.login, next)}>{t('auth.loginLink')}</Link>
        </>
      }
    >
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
        <ErrorBanner error={otherErrors} />
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
