import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { FlowFormDialog } from './FlowFormDialog'
import { FlowTable } from './FlowTable'
import { ImportFlowButton } from './ImportFlowButton'
import { useFlows } from '../api/get-flows'
import { FLOW_PAGE_SIZE } from '../types'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { Pagination } from '@/components/Pagination'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { useListParams } from '@/hooks/use-list-params'
import { isApiError } from '@/lib/api-client'

export function FlowListPage() {
  const { t } = useTranslation()
  const { page, values, setPage, setFilter } = useListParams(['search'] as const)
  const [searchText, setSearchText] = useState(values.search)
  const search = useDebouncedValue(searchText.trim())
  const [creating, setCreating] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    if (search !== values.search) setFilter('search', search)
  }, [search, values.search, setFilter])

  const flows = useFlows({ search: values.search, page })

  // A page that no longer exists (the last flow of the last page was deleted): back to page 1.
  useEffect(() => {
    if (page > 1 && isApiError(flows.error, 404)) setPage(1)
  }, [flows.error, page, setPage])

  return (
    <>
      <PageHeader
        title={t('flows.title')}
        subtitle={t('flows.subtitle')}
        actions={
          <>
            <ImportFlowButton onImported={(name) => setNotice(t('flows.imported', { name }))} />
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {t('flows.create')}
            </button>
          </>
        }
      />
      {notice && (
        <div className="banner banner-success" role="status">
          <span>{notice}</span>
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      <div className="card">
        <div className="toolbar">
          <input
            type="search"
            className="search-input"
            placeholder={t('flows.searchPlaceholder')}
            aria-label={t('flows.search')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
          {flows.isFetching && !flows.isPending && <span className="spinner" aria-hidden="true" />}
        </div>
        {flows.isPending ? (
          <Loading />
        ) : flows.isError && !isApiError(flows.error, 404) ? (
          <ErrorBanner error={flows.error} />
        ) : flows.data && flows.data.results.length > 0 ? (
          <>
            <FlowTable flows={flows.data.results} onNotice={setNotice} />
            <Pagination page={page} pageSize={FLOW_PAGE_SIZE} count={flows.data.count} onPage={setPage} />
          </>
        ) : (
          <div className="empty-state">
            <p>{values.search ? t('flows.noMatch', { search: values.search }) : t('flows.empty')}</p>
            {!values.search && (
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                {t('flows.create')}
              </button>
            )}
          </div>
        )}
      </div>
      {creating && (
        <FlowFormDialog
          onClose={() => setCreating(false)}
          onSaved={(flow) => setNotice(t('flows.created', { name: flow.name }))}
        />
      )}
    </>
  )
}
