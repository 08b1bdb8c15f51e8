import { useTranslation } from 'react-i18next'

import type { Upload } from '../hooks/use-uploads'
import { ProgressBar } from '@/components/ProgressBar'
import { isApiError } from '@/lib/api-client'
import { errorMessages } from '@/lib/error-messages'
import { formatBytes } from '@/lib/format'

type Props = {
  uploads: Upload[]
  onReplace: (upload: Upload) => void
  onCancel: (upload: Upload) => void
  onDismiss: (upload: Upload) => void
  onClearFinished: () => void
}

/** What went wrong with ``upload``, in the user's words: an existing file, too large, the server's reason. */
function UploadError({ upload, onReplace }: { upload: Upload; onReplace: () => void }) {
  const { t } = useTranslation()
  const { error } = upload
  if (isApiError(error, 409) && error.body.exists) {
    return (
      <p className="upload-error">
        {t('workspace.uploads.exists', { name: upload.file.name })}{' '}
        <button type="button" className="link-button" onClick={onReplace}>
          {t('workspace.uploads.replace')}
        </button>
      </p>
    )
  }
  if (isApiError(error, 413)) {
    const limit = typeof error.body.limit === 'number' ? formatBytes(error.body.limit) : '?'
    return <p className="upload-error">{t('workspace.uploads.tooLarge', { limit })}</p>
  }
  return <p className="upload-error">{errorMessages(error, t).join(' ')}</p>
}

/** The page's uploads: each file's progress, and why one was refused. */
export function UploadPanel({ uploads, onReplace, onCancel, onDismiss, onClearFinished }: Props) {
  const { t } = useTranslation()
  if (uploads.length === 0) return null
  const finished = uploads.some((upload) => upload.status !== 'uploading')
  return (
    <section className="upload-panel" aria-label={t('workspace.uploads.label')}>
      <ul>
        {uploads.map((upload) => {
          const name = upload.file.name
          const percent = upload.file.size > 0 ? (100 * upload.loaded) / upload.file.size : upload.status === 'done' ? 100 : 0
          return (
            <li key={upload.id} className={`upload upload-${upload.status}`} data-upload={name}>
              <div className="upload-head">
                <span className="strong">{name}</span>
                <span className="muted">{formatBytes(upload.file.size)}</span>
                <span className="upload-status" role="status">
                  {t(`workspace.uploads.${upload.status}`)}
                </span>
                {upload.status === 'uploading' ? (
                  <button type="button" className="btn btn-small" onClick={() => onCancel(upload)}>
                    {t('workspace.uploads.cancel')}
                  </button>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => onDismiss(upload)}>
                    {t('workspace.uploads.dismiss')}
                  </button>
                )}
              </div>
              {upload.status === 'uploading' && (
                <div aria-label={t('workspace.uploads.progressOf', { name })} role="group">
                  <ProgressBar value={percent} />
                </div>
              )}
              {upload.status === 'failed' && <UploadError upload={upload} onReplace={() => onReplace(upload)} />}
            </li>
          )
        })}
      </ul>
      {finished && (
        <button type="button" className="link-button" onClick={onClearFinished}>
          {t('workspace.uploads.clear')}
        </button>
      )}
    </section>
  )
}
