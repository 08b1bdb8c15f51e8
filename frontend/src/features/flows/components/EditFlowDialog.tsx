import { useTranslation } from 'react-i18next'

import { FlowFormDialog } from './FlowFormDialog'
import { useFlow } from '../api/get-flow'
import type { Flow } from '../types'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'

/** Loads the flow (the list has no resources), then edits its info; a 409 offers to reload. */
export function EditFlowDialog({ id, onClose, onSaved }: { id: number; onClose: () => void; onSaved: (flow: Flow) => void }) {
  const { t } = useTranslation()
  const flow = useFlow(id)
  if (!flow.data) {
    return (
      <Dialog title={t('flows.form.editTitle')} onClose={onClose}>
        {flow.isError ? <ErrorBanner error={flow.error} /> : <Loading />}
      </Dialog>
    )
  }
  return (
    <FlowFormDialog
      key={flow.data.revision}
      flow={flow.data}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={() => void flow.refetch()}
    />
  )
}
