import { useTranslation } from 'react-i18next'

import { downloadUrl } from '../api/download'
import type { FileEntry } from '../types'
import { formatBytes, formatDateTime } from '@/lib/format'

type Props = {
  entry: FileEntry
  onOpen: (path: string) => void
  onCopyPath: (entry: FileEntry) => void
  onDelete: (entry: FileEntry) => void
}

export function FileRow({ entry, onOpen, onCopyPath, onDelete }: Props) {
  const { t, i18n } = useTranslation()
  const name = entry.name
  return (
    <tr data-path={entry.path}>
      <td>
        {entry.is_dir ? (
          <button
            type="button"
            className="link-button strong files-folder"
            aria-label={t('workspace.openFolder', { name })}
            onClick={() => onOpen(entry.path)}
          >
            {name}
          </button>
        ) : (
          <span className="files-file">{name}</span>
        )}
      </td>
      <td className="num nowrap">{entry.is_dir ? t('workspace.folder') : formatBytes(entry.size ?? 0)}</td>
      <td className="nowrap">{formatDateTime(entry.modified, i18n.language)}</td>
      <td className="actions">
        <div className="row-actions">
          {!entry.is_dir && (
            <a
              className="btn btn-small"
              href={downloadUrl(entry.path)}
              download={name}
              aria-label={t('workspace.downloadOf', { name })}
            >
              {t('workspace.download')}
            </a>
          )}
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('workspace.copyPathOf', { name })}
            onClick={() => onCopyPath(entry)}
          >
            {t('workspace.copyPath')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            aria-label={t('workspace.deleteOf', { name })}
            onClick={() => onDelete(entry)}
          >
            {t('common.delete')}
          </button>
        </div>
      </td>
    </tr>
  )
}
