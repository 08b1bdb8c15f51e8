import { useTranslation } from 'react-i18next'

import { FileRow } from './FileRow'
import type { FileEntry } from '../types'

type Props = {
  entries: FileEntry[]
  onOpen: (path: string) => void
  onCopyPath: (entry: FileEntry) => void
  onDelete: (entry: FileEntry) => void
}

export function FileTable({ entries, ...actions }: Props) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('workspace.column.name')}</th>
            <th className="num">{t('workspace.column.size')}</th>
            <th>{t('workspace.column.modified')}</th>
            <th className="actions">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <FileRow key={entry.path} entry={entry} {...actions} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
