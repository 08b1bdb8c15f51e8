import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'

import { useAuditEvents } from './api/get-audit-events'
import { AuditFilterBar } from './components/AuditFilterBar'
import { AuditTable } from './components/AuditTable'
import { AUDIT_FILTERS, AUDIT_PAGE_SIZE, type AuditFilters } from './types'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { Pagination } from '@/components/Pagination'
import { useListParams } from '@/hooks/use-list-params'
import { isApiError } from '@/lib/api-client'
import './audit.css'

/** `/audit`: the audit trail, for admins; the server answers anyone else with 404. */
export function AuditPage() {
  const { t } = useTranslation()
  const { page, values, setPage, setFilter } = useListParams(AUDIT_FILTERS)
  const [, setParams] = useSearchParams()
  const [resets, setResets] = useState(0)
  const events = useAuditEvents({ ...values, page })
  const filtered = AUDIT_FILTERS.some((key) => values[key] !== '')

  const onChange = useCallback((key: keyof AuditFilters, value: string) => setFilter(key, value), [setFilter])
  const clear = () => {
    setParams(new URLSearchParams(), { replace: true })
    setResets((n) => n + 1) // the text filters start again from the (now empty) URL
  }

  // A page that no longer exists (fewer events match now): back to page 1.
  useEffect(() => {
    if (page > 1 && isApiError(events.error, 404)) setPage(1)
  }, [events.error, page, setPage])

  if (page === 1 && isApiError(events.error, 404)) {
    return (
      <div className="card empty-state">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.adminsOnly')}</p>
      </div>
    )
  }

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <div className="card">
        <AuditFilterBar
          key={resets}
          values={values}
          onChange={onChange}
          busy={events.isFetching && !events.isPending}
        />
        {filtered && (
          <div className="toolbar">
            <button type="button" className="btn btn-small" onClick={clear}>
              {t('audit.clearFilters')}
            </button>
          </div>
        )}
        {events.isPending ? (
          <Loading />
        ) : events.isError && !isApiError(events.error, 404) ? (
          <ErrorBanner error={events.error} />
        ) : events.data && events.data.results.length > 0 ? (
          <>
            <AuditTable events={events.data.results} />
            <Pagination page={page} pageSize={AUDIT_PAGE_SIZE} count={events.data.count} onPage={setPage} />
          </>
        ) : (
          <div className="empty-state">
            <p>{filtered ? t('audit.noneMatching') : t('audit.empty')}</p>
          </div>
        )}
      </div>
    </>
  )
}
