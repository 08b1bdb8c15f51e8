import { useTranslation } from 'react-i18next'

import { CountCards } from './CountCards'
import { RunsChart } from './RunsChart'
import { UsageCard } from './UsageCard'
import { useDashboard } from '../api/get-dashboard'
import { runsByChartState } from '../types'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { formatBytes, formatPercent } from '@/lib/format'

export function DashboardPage() {
  const { t } = useTranslation()
  const dashboard = useDashboard()

  if (dashboard.isPending) return <Loading />
  if (dashboard.isError) return <ErrorBanner error={dashboard.error} />
  const { system, counts, runs } = dashboard.data

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <section className="grid grid-3" aria-label={t('dashboard.resources')}>
        <UsageCard
          title={t('dashboard.cpu')}
          percent={system.cpu_percent}
          detail={t('dashboard.cpuDetail', { count: system.cpu_count, percent: formatPercent(system.cpu_percent) })}
        />
        <UsageCard
          title={t('dashboard.memory')}
          percent={system.memory.percent}
          detail={t('dashboard.usedOf', {
            used: formatBytes(system.memory.used),
            total: formatBytes(system.memory.total),
          })}
        />
        <UsageCard
          title={t('dashboard.disk')}
          percent={system.disk.percent}
          detail={t('dashboard.usedOf', { used: formatBytes(system.disk.used), total: formatBytes(system.disk.total) })}
          hint={system.disk.path}
        />
      </section>
      <CountCards counts={counts} />
      <RunsChart runs={runsByChartState(runs)} />
    </>
  )
}
