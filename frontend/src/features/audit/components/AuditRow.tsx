import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

import { detailLines } from '../model/details'
import type { AuditEvent } from '../types'
import { links } from '@/app/paths'
import { formatDateTime } from '@/lib/format'

/** Where the object lives in the UI, if it has a page there (it may be gone by now). */
function targetLink(event: AuditEvent): string | null {
  if (event.action === 'deleted') return null
  if (event.target_type === 'flow') return links.flowEdit(event.target_id)
  if (event.target_type === 'process') return links.process(event.target_id)
  return null
}

export function AuditRow({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation()
  const link = targetLink(event)
  const name = event.target_name || event.target_id
  const lines = detailLines(event.details)

  return (
    <tr data-event-id={event.id}>
      <td className="nowrap">{formatDateTime(event.at, i18n.language)}</td>
      <td>
        {event.actor_name ? (
          <span title={event.actor === null ? t('audit.goneHint') : undefined}>{event.actor_name}</span>
        ) : (
          <span className="muted" title={t('audit.systemHint')}>
            {t('audit.system')}
          </span>
        )}
      </td>
      <td>
        <span className={`badge badge-audit-${event.action}`}>
          {t(`audit.action.${event.action}`, { defaultValue: event.action })}
        </span>
      </td>
      <td>
        <div className="muted">{t(`audit.target.${event.target_type}`, { defaultValue: event.target_type })}</div>
        {link ? (
          <Link to={link} className="strong">
            {name}
          </Link>
        ) : (
          <span className="strong">{name}</span>
        )}
        {event.target_name && <div className="muted audit-mono">{event.target_id}</div>}
      </td>
      <td className="audit-details">
        {lines.map((line) => (
          <div key={line} className="audit-mono">
            {line}
          </div>
        ))}
      </td>
      <td className="nowrap audit-mono">{event.address ?? ''}</td>
    </tr>
  )
}
