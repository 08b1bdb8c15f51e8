import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { ProcessTable } from './ProcessTable'
import { PROCESS_PAGE_SIZE, useProcesses } from '../api/get-processes'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { Pagination } from '@/components/Pagination'
import { useListParams } from '@/hooks/use-list-params'
import { isApiError } from '@/lib/api-client'
import { RUN_STATES } from '@/lib/states'

export function ProcessListPage() {
  const { t } = useTranslation()
  const { page, values, setPage, setFilter } = useListParams(['state', 'flow'] as const)
  const flow = Number.parseInt(values.flow, 10)
  const processes = useProcesses({ state: values.state, flow: Number.isNaN(flow) ? undefined : flow, page })

  useEffect(() => {
    if (page > 1 && isApiError(processes.error, 404)) setPage(1)
  }, [processes.error, page, setPage])

  return (
    <>
      <PageHeader title={t('processes.title')} subtitle={t('processes.subtitle')} />
      <div className="card">
        <div className="toolbar">
          <label className="inline-field">
            <span>{t('processes.filterState')}</span>
            <select value={values.state} onChange={(e) => setFilter('state', e.target.value)}>
              <option value="">{t('processes.allStates')}</option>
              {RUN_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`state.${state}`)}
                </option>
              ))}
            </select>
          </label>
          {values.flow && (
            <button type="button" className="btn btn-small" onClick={() => setFilter('flow', '')}>
              {t('processes.clearFlowFilter')}
            </button>
          )}
          {processes.isFetching && !processes.isPending && <span className="spinner" aria-hidden="true" />}
        </div>
        {processes.isPending ? (
          <Loading />
        ) : processes.isError && !isApiError(processes.error, 404) ? (
          <ErrorBanner error={processes.error} />
        ) : processes.data && processes.data.results.length > 0 ? (
          <>
            <ProcessTable processes={processes.data.results} />
            <Pagination page={page} pageSize={PROCESS_PAGE_SIZE} count={processes.data.count} onPage={setPage} />
          </>
        ) : (
          <div className="empty-state">
            <p>{values.state ? t('processes.noneInState') : t('processes.empty')}</p>
          </div>
        )}
      </div>
    </>
  )
}
