import { useTranslation } from 'react-i18next'

import type { ApiToken } from '../types'
import { formatDateTime } from '@/lib/format'

/** The user's tokens: name, the key's first characters, when made, last used, when it expires. */
export function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t, i18n } = useTranslation()
  const when = (iso: string | null) => formatDateTime(iso, i18n.language)
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('account.tokens.column.name')}</th>
            <th>{t('account.tokens.column.key')}</th>
            <th>{t('account.tokens.column.created')}</th>
            <th>{t('account.tokens.column.lastUsed')}</th>
            <th>{t('account.tokens.column.expires')}</th>
            <th className="actions">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>
                <div className="token-name strong" title={token.name}>
                  {token.name}
                </div>
                {token.from_login && (
                  <span className="badge" title={t('account.tokens.fromLoginHint')}>
                    {t('account.tokens.fromLogin')}
                  </span>
                )}
              </td>
              <td>
                <code>{`${token.prefix}…`}</code>
              </td>
              <td className="nowrap">{when(token.created_at)}</td>
              <td className="nowrap">{token.last_used_at ? when(token.last_used_at) : t('account.tokens.never')}</td>
              <td className="nowrap">
                {token.expired ? (
                  <span className="badge badge-state-failed">{t('account.tokens.expired')}</span>
                ) : (
                  when(token.expires_at)
                )}
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  onClick={() => onRevoke(token)}
                  aria-label={`${t('account.tokens.revoke')}: ${token.name}`}
                >
                  {t('account.tokens.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
