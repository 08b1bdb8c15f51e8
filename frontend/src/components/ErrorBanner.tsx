import { useTranslation } from 'react-i18next'

import { errorMessages } from '@/lib/error-messages'

/** The messages of a failed request (the server's own words), or nothing when there is no error. */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation()
  if (!error) return null
  const messages = errorMessages(error, t)
  return (
    <div className="banner banner-error" role="alert">
      {title && <strong>{title}</strong>}
      {messages.length === 1 ? (
        <span>{messages[0]}</span>
      ) : (
        <ul>
          {messages.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
