import { useTranslation } from 'react-i18next'

import { useDeleteEntry } from '../api/delete-entry'
import type { FileEntry } from '../types'
import { ConfirmDialog } from '@/components/ConfirmDialog'

/** "Delete it?" for a file, or for a folder with everything in it. */
export function DeleteEntryDialog({ entry, onClose, onDeleted }: { entry: FileEntry; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation()
  const remove = useDeleteEntry()
  const name = entry.name
  return (
    <ConfirmDialog
      title={entry.is_dir ? t('workspace.deleteFolderTitle') : t('workspace.deleteFileTitle')}
      message={entry.is_dir ? t('workspace.deleteFolderConfirm', { name }) : t('workspace.deleteFileConfirm', { name })}
      confirmLabel={remove.isPending ? t('common.deleting') : t('common.delete')}
      busy={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(entry, {
          onSuccess: () => {
            onDeleted()
            onClose()
          },
        })
      }
    />
  )
}
