import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** A "?" that shows a property's description and example on hover or focus. */
export function HelpTip({ name, description, example }: { name: string; description: string; example?: string }) {
  const { t } = useTranslation()
  const id = useId()
  if (!description && !example) return null
  return (
    <span className="help-tip">
      <button type="button" className="help-tip-button" aria-label={t('canvas.props.help', { name })} aria-describedby={id}>
        {'?'}
      </button>
      <span role="tooltip" id={id} className="help-tip-text">
        {description}
        {example && <span className="help-tip-example">{t('canvas.props.example', { example })}</span>}
      </span>
    </span>
  )
}
