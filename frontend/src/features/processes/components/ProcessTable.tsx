import { useTranslation } from 'react-i18next'

import { ProcessRow } from './ProcessRow'
import type { ProcessListItem } from '../types'

export function ProcessTable({ processes }: { processes: ProcessListItem[] }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('processes.column.flow')}</th>
            <th>{t('processes.column.trigger')}</th>
            <th>{t('processes.column.start')}</th>
            <th>{t('processes.column.end')}</th>
            <th className="progress-col">{t('processes.column.progress')}</th>
            <th>{t('processes.column.state')}</th>
            <th className="actions">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {processes.map((process) => (
            <ProcessRow key={process.id} process={process} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
