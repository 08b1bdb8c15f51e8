import { useTranslation } from 'react-i18next'

import { FlowRow } from './FlowRow'
import type { FlowListItem } from '../types'

export function FlowTable({ flows, onNotice }: { flows: FlowListItem[]; onNotice: (message: string) => void }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('flows.column.name')}</th>
            <th className="num">{t('flows.column.stops')}</th>
            <th>{t('flows.column.status')}</th>
            <th>{t('flows.column.owner')}</th>
            <th>{t('flows.column.updated')}</th>
            <th className="actions">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => (
            <FlowRow key={flow.id} flow={flow} onNotice={onNotice} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
