import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'

import { links } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { ProgressBar } from '@/components/ProgressBar'
import { StateBadge } from '@/components/StateBadge'
import { useProcess } from '@/features/processes/api/get-process'

/** Placeholder: the run's state and progress (polled), and its log. */
export function MonitorPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const process = useProcess(id)
  if (process.isPending) return <Loading />
  if (process.isError) return <ErrorBanner error={process.error} />
  const run = process.data
  return (
    <>
      <PageHeader
        title={run.flow_name ?? run.name}
        subtitle={<StateBadge state={run.state} />}
        actions={
          <Link className="btn" to={links.processLog(run.id)}>
            {t('monitor.openLog')}
          </Link>
        }
      />
      <div className="card">
        <ProgressBar value={run.progress} state={run.state} />
        {run.error && <p className="error-text">{run.error}</p>}
        <p className="muted">{t('monitor.placeholder')}</p>
      </div>
    </>
  )
}
