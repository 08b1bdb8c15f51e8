/** The UI's URLs, in one place (route patterns and link builders). */
export const paths = {
  dashboard: '/',
  login: '/login',
  register: '/register',
  flows: '/flows',
  flowEdit: '/flows/:id/edit',
  processes: '/processes',
  process: '/processes/:id',
  processLog: '/processes/:id/log',
  files: '/files',
  audit: '/audit',
  account: '/account',
} as const

export const links = {
  flowEdit: (id: number | string) => `/flows/${id}/edit`,
  process: (id: string) => `/processes/${encodeURIComponent(id)}`,
  processLog: (id: string) => `/processes/${encodeURIComponent(id)}/log`,
  /** Django's admin: a server page, so a plain link rather than a client route. */
  admin: '/admin/',
}

/** Only same-site paths: `?next=https://elsewhere` must not send a user away. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.dashboard
}

/** `path` with `?next=` kept, so login and register hand the destination to each other. */
export function withNext(path: string, next: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (next) params.set('next', next)
  const query = params.toString()
  return query ? `${path}?${query}` : path
}
