import { useTranslation } from 'react-i18next'

import { Dialog } from '@/components/Dialog'

/** A path to copy by hand, for browsers that do not let the page write the clipboard (plain http). */
export function PathDialog({ name, location, onClose }: { name: string; location: string; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('workspace.pathTitle', { name })} onClose={onClose}>
      <input
        className="files-path-input"
        readOnly
        value={location}
        aria-label={t('workspace.pathTitle', { name })}
        onFocus={(event) => event.currentTarget.select()}
      />
      <p className="field-hint">{t('workspace.pathHint')}</p>
    </Dialog>
  )
}
