import { useTranslation } from 'react-i18next'

import { Dialog } from '@/components/Dialog'

type Props = {
  revision: number
  onReload: () => void
  onOverwrite: () => void
  onClose: () => void
}

/** A save refused with 409: someone saved this flow after it was opened here. */
export function ConflictDialog({ revision, onReload, onOverwrite, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog
      title={t('canvas.conflict.title')}
      width="wide"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('canvas.conflict.keep')}
          </button>
          <button type="button" className="btn btn-danger-outline" onClick={onOverwrite}>
            {t('canvas.conflict.overwrite')}
          </button>
          <button type="button" className="btn btn-primary" onClick={onReload}>
            {t('canvas.conflict.reload')}
          </button>
        </>
      }
    >
      <p>{t('canvas.conflict.body', { revision })}</p>
      <p className="muted">{t('canvas.conflict.hint')}</p>
    </Dialog>
  )
}
