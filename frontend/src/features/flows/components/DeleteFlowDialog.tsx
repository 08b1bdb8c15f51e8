import { useTranslation } from 'react-i18next'

import { useDeleteFlow } from '../api/delete-flow'
import type { FlowListItem } from '../types'
import { ConfirmDialog } from '@/components/ConfirmDialog'

export function DeleteFlowDialog({ flow, onClose, onDeleted }: { flow: FlowListItem; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation()
  const remove = useDeleteFlow()
  return (
    <ConfirmDialog
      title={t('flows.deleteTitle')}
      message={t('flows.deleteConfirm', { name: flow.name })}
      confirmLabel={remove.isPending ? t('common.deleting') : t('common.delete')}
      busy={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(flow.id, {
          onSuccess: () => {
            onDeleted()
            onClose()
          },
        })
      }
    />
  )
}
