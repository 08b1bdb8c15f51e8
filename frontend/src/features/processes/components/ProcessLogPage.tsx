import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'

import { LogViewer } from './LogViewer'
import { useProcess } from '../api/get-process'
import { useLogFollow } from '../hooks/use-log-follow'
import { isFinished } from '../types'
import { links, paths } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { StateBadge } from '@/components/StateBadge'

/** `/processes/:id/log`: the run's log, followed live while it runs, searchable. */
export function ProcessLogPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const process = useProcess(id)
  const running = process.data ? !isFinished(process.data.state) : true
  const log = useLogFollow(id, running)

  if (process.isPending) return <Loading />
  if (process.isError) return <ErrorBanner error={process.error} />

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <Link to={paths.processes}>{t('nav.processes')}</Link>
        <span aria-hidden="true">{'/'}</span>
        <Link to={links.process(id)}>{process.data.flow_name ?? process.data.name}</Link>
      </nav>
      <PageHeader
        title={t('log.title', { name: process.data.flow_name ?? process.data.name })}
        subtitle={<StateBadge state={process.data.state} />}
        actions={
          <Link className="btn" to={links.process(id)}>
            {t('log.openMonitor')}
          </Link>
        }
      />
      <ErrorBanner error={log.error} />
      <LogViewer text={log.text} loaded={log.loaded} running={running} />
    </>
  )
}
