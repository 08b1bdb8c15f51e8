import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { readJsonFile, useImportFlow } from '../api/import-flow'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'

/** Pick a PiFlow JSON file; it becomes a new flow. Errors (bad JSON, unknown stops) show in a dialog. */
export function ImportFlowButton({ onImported }: { onImported: (name: string) => void }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const importer = useImportFlow()
  const [error, setError] = useState<unknown>(null)

  const onFile = async (file: File | undefined) => {
    if (!file) return
    setError(null)
    try {
      const data = await readJsonFile(file, t('flows.importNotJson', { file: file.name }))
      const flow = await importer.mutateAsync(data)
      onImported(flow.name)
    } catch (caught) {
      setError(caught)
    } finally {
      if (input.current) input.current.value = ''
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label={t('flows.importFile')}
        data-testid="import-flow-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <button type="button" className="btn" disabled={importer.isPending} onClick={() => input.current?.click()}>
        {importer.isPending ? t('flows.importing') : t('flows.import')}
      </button>
      {error !== null && (
        <Dialog title={t('flows.importFailed')} onClose={() => setError(null)}>
          <ErrorBanner error={error} />
        </Dialog>
      )}
    </>
  )
}
