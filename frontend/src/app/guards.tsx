import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router-dom'

import { paths, safeNext } from './paths'
import { Loading } from '@/components/Loading'
import { ErrorBanner } from '@/components/ErrorBanner'
import { useMe } from '@/features/auth/api/get-me'

/** Pages for logged-in users: anyone else goes to the login page, and comes back afterwards. */
export function RequireAuth() {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <Loading />
  if (me.isError) return <ErrorBanner error={me.error} />
  if (!me.data) {
    const next = location.pathname + location.search
    const target = next === '/' ? paths.login : `${paths.login}?next=${encodeURIComponent(next)}`
    return <Navigate to={target} replace />
  }
  return <Outlet />
}

/** Login and register: a logged-in user has no business there. */
export function RequireAnonymous() {
  const me = useMe()
  const [params] = useSearchParams()
  if (me.isPending) return <Loading />
  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />
  return <Outlet />
}
