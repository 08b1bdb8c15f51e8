import { useTranslation } from 'react-i18next'

import { AuditRow } from './AuditRow'
import type { AuditEvent } from '../types'

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('audit.column.at')}</th>
            <th>{t('audit.column.actor')}</th>
            <th>{t('audit.column.action')}</th>
            <th>{t('audit.column.target')}</th>
            <th>{t('audit.column.details')}</th>
            <th>{t('audit.column.address')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <AuditRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
