import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useCreateFolder } from '../api/create-folder'
import { joinPath } from '../model/paths'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/Field'

type Props = {
  /** The folder the new one goes into ('' for the workspace). */
  folder: string
  onClose: () => void
  onCreated: (name: string) => void
}

export function NewFolderDialog({ folder, onClose, onCreated }: Props) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const create = useCreateFolder()
  const trimmed = name.trim()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!trimmed) return
    create.mutate(joinPath(folder, trimmed), {
      onSuccess: () => {
        onCreated(trimmed)
        onClose()
      },
    })
  }

  return (
    <Dialog
      title={t('workspace.folderForm.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="new-folder-form" className="btn btn-primary" disabled={!trimmed || create.isPending}>
            {create.isPending ? t('workspace.folderForm.creating') : t('workspace.folderForm.create')}
          </button>
        </>
      }
    >
      <form id="new-folder-form" onSubmit={onSubmit}>
        <TextField
          name="name"
          label={t('workspace.folderForm.name')}
          hint={t('workspace.folderForm.hint', { folder: folder || t('workspace.root') })}
          value={name}
          onChange={setName}
          required
          maxLength={255}
        />
        <ErrorBanner error={create.error} />
      </form>
    </Dialog>
  )
}
