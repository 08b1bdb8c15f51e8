import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { PropertyDescriptor } from '@/features/canvas-core'
import { HelpTip } from './HelpTip'
import { SqlEditor } from './SqlEditor'

/** What the server sends back for a sensitive value: kept as it is unless the user types another. */
export const MASK = '******'

type Props = {
  property: PropertyDescriptor
  value: string
  errors?: string[]
  onChange: (name: string, value: string) => void
}

/**
 * One property as its descriptor asks: a drop-down where there are choices, a SQL editor for
 * `language: Sql`, a password input for secrets, a text input otherwise; a red star when
 * required, a "?" with the description and an example.
 */
export const PropertyField = memo(function PropertyField({ property, value, errors, onChange }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const errorId = `${id}-errors`
  const describedBy = errors?.length ? errorId : undefined
  const set = (next: string) => onChange(property.name, next)
  const label = property.label || property.name
  const language = property.language?.toLowerCase()

  let control
  if (property.choices.length > 0) {
    const options = property.choices.includes(value) || value === '' ? property.choices : [value, ...property.choices]
    control = (
      <select id={id} value={value} aria-describedby={describedBy} onChange={(e) => set(e.target.value)}>
        {!property.required || value === '' ? <option value="">{t('canvas.props.unset')}</option> : null}
        {options.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    )
  } else if (language === 'sql') {
    control = <SqlEditor id={id} value={value} onChange={set} label={label} describedBy={describedBy} />
  } else if (property.sensitive) {
    control = (
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => set(e.target.value)}
        onFocus={(e) => value === MASK && e.target.select()}
      />
    )
  } else {
    control = (
      <input
        id={id}
        value={value}
        aria-describedby={describedBy}
        placeholder={property.example ? t('canvas.props.examplePlaceholder', { example: property.example }) : undefined}
        onChange={(e) => set(e.target.value)}
      />
    )
  }

  return (
    <div className={`field property-field${errors?.length ? ' field-invalid' : ''}`} data-property={property.name}>
      <div className="property-label">
        <label htmlFor={id}>
          {label}
          {property.required && (
            <span className="required" aria-hidden="true">
              {'*'}
            </span>
          )}
        </label>
        <HelpTip name={label} description={property.description} example={property.example} />
      </div>
      {control}
      {property.sensitive && value === MASK && <p className="field-hint">{t('canvas.props.masked')}</p>}
      {errors && errors.length > 0 && (
        <ul id={errorId} className="field-errors">
          {errors.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  )
})
