import { useTranslation } from 'react-i18next'

import { ConfirmDialog } from '@/components/ConfirmDialog'
import { useBlockLeaving } from '../hooks/use-unsaved-guards'

/** Asks before the app's links leave this editor's unsaved changes (the page's editor only). */
export function LeaveGuard() {
  const { t } = useTranslation()
  const leaving = useBlockLeaving()
  if (leaving.state !== 'blocked') return null
  return (
    <ConfirmDialog
      title={t('canvas.leave.title')}
      message={t('canvas.leave.body')}
      confirmLabel={t('canvas.leave.confirm')}
      onConfirm={() => leaving.proceed()}
      onCancel={() => leaving.reset()}
    />
  )
}
