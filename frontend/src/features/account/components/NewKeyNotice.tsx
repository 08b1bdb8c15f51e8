import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { NewApiToken } from '../types'

/** The key of a token just made, shown this once, with a copy button. */
export function NewKeyNotice({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const { t } = useTranslation()
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(token.key)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }

  return (
    <div className="banner banner-success new-key" role="status">
      <strong>{t('account.tokens.newTitle', { name: token.name })}</strong>
      <p>{t('account.tokens.newText')}</p>
      <div className="new-key-row">
        <input
          className="new-key-value"
          readOnly
          value={token.key}
          aria-label={t('account.tokens.keyLabel')}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="btn btn-small" onClick={() => void onCopy()}>
          {copy === 'copied' ? t('account.tokens.copied') : t('account.tokens.copy')}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          {t('account.tokens.done')}
        </button>
      </div>
      {copy === 'failed' && <p className="error-text">{t('account.tokens.copyFailed')}</p>}
    </div>
  )
}
