import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../model/choices'
import type { AuditFilters } from '../types'
import { useDebouncedValue } from '@/hooks/use-debounced-value'

type Props = {
  values: AuditFilters
  onChange: (key: keyof AuditFilters, value: string) => void
  busy: boolean
}

/**
 * A text filter that asks the server once the typing pauses. It starts from the URL's value; the
 * page remounts the bar to reset it (Clear filters).
 */
function useTypedFilter(value: string, onCommit: (value: string) => void) {
  const [text, setText] = useState(value)
  const settled = useDebouncedValue(text.trim())
  useEffect(() => {
    if (settled !== value) onCommit(settled)
  }, [settled, value, onCommit])
  return [text, setText] as const
}

export function AuditFilterBar({ values, onChange, busy }: Props) {
  const { t } = useTranslation()
  const commitActor = useCallback((value: string) => onChange('actor', value), [onChange])
  const commitTargetId = useCallback((value: string) => onChange('target_id', value), [onChange])
  const [actor, setActor] = useTypedFilter(values.actor, commitActor)
  const [targetId, setTargetId] = useTypedFilter(values.target_id, commitTargetId)

  return (
    <div className="toolbar audit-filters">
      <label className="inline-field">
        <span>{t('audit.filter.actor')}</span>
        <input
          type="search"
          value={actor}
          placeholder={t('audit.filter.actorPlaceholder')}
          onChange={(e) => setActor(e.target.value)}
        />
      </label>
      <label className="inline-field">
        <span>{t('audit.filter.action')}</span>
        <select value={values.action} onChange={(e) => onChange('action', e.target.value)}>
          <option value="">{t('audit.filter.allActions')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`audit.action.${action}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('audit.filter.targetType')}</span>
        <select value={values.target_type} onChange={(e) => onChange('target_type', e.target.value)}>
          <option value="">{t('audit.filter.allTargetTypes')}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`audit.target.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('audit.filter.targetId')}</span>
        <input
          type="search"
          value={targetId}
          placeholder={t('audit.filter.targetIdPlaceholder')}
          onChange={(e) => setTargetId(e.target.value)}
        />
      </label>
      <label className="inline-field">
        <span>{t('audit.filter.since')}</span>
        <input type="datetime-local" value={values.since} onChange={(e) => onChange('since', e.target.value)} />
      </label>
      <label className="inline-field">
        <span>{t('audit.filter.until')}</span>
        <input type="datetime-local" value={values.until} onChange={(e) => onChange('until', e.target.value)} />
      </label>
      {busy && <span className="spinner" aria-hidden="true" />}
    </div>
  )
}
