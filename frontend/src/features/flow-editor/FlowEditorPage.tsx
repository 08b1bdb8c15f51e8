import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'

import { paths } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { useFlow } from '@/features/flows/api/get-flow'

/** Placeholder: names the flow and says the canvas is coming. */
export function FlowEditorPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const flow = useFlow(Number(id))
  if (flow.isPending) return <Loading />
  if (flow.isError) return <ErrorBanner error={flow.error} />
  return (
    <>
      <PageHeader title={flow.data.name} subtitle={flow.data.description} />
      <div className="card empty-state">
        <p>{t('editor.placeholder')}</p>
        <Link className="btn" to={paths.flows}>
          {t('editor.backToFlows')}
        </Link>
      </div>
    </>
  )
}
