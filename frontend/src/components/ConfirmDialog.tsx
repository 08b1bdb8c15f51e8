import { useTranslation } from 'react-i18next'

import { Dialog } from './Dialog'
import { ErrorBanner } from './ErrorBanner'

type Props = {
  title: string
  message: string
  confirmLabel: string
  busy?: boolean
  error?: unknown
  onConfirm: () => void
  onCancel: () => void
}

/** "Are you sure?" for destructive actions; the confirm button is red. */
export function ConfirmDialog({ title, message, confirmLabel, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      <ErrorBanner error={error} />
    </Dialog>
  )
}
