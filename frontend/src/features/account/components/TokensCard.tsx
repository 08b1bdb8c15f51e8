import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { NewKeyNotice } from './NewKeyNotice'
import { TokenTable } from './TokenTable'
import { useCreateToken } from '../api/create-token'
import { useTokens } from '../api/get-tokens'
import { useRevokeToken } from '../api/revoke-token'
import { TOKEN_PAGE_SIZE, type ApiToken, type NewApiToken } from '../types'
import { ConfirmDialog } from '@/components/ConfirmDialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/Field'
import { Loading } from '@/components/Loading'
import { Pagination } from '@/components/Pagination'
import { isApiError } from '@/lib/api-client'

/** List, make and revoke the user's API tokens; a new token's key is shown once. */
export function TokensCard() {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const [name, setName] = useState('')
  const [made, setMade] = useState<NewApiToken | null>(null)
  const [revoking, setRevoking] = useState<ApiToken | null>(null)
  const [revokedName, setRevokedName] = useState<string | null>(null)
  const tokens = useTokens(page)
  const create = useCreateToken()
  const revoke = useRevokeToken()

  const onCreate = (event: FormEvent) => {
    event.preventDefault()
    setRevokedName(null)
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setMade(token)
        setName('')
      },
    })
  }

  const onRevoke = () => {
    if (!revoking) return
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevokedName(revoking.name)
        setRevoking(null)
      },
    })
  }

  const createFields = isApiError(create.error, 400) ? create.error.fields : {}
  const list = tokens.data?.results ?? []

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title">
        {t('account.tokens.title')}
      </h2>
      <p className="muted">{t('account.tokens.intro')}</p>
      {made && <NewKeyNotice token={made} onDone={() => setMade(null)} />}
      {revokedName !== null && (
        <div className="banner banner-success" role="status">
          {t('account.tokens.revoked', { name: revokedName })}
        </div>
      )}
      <form className="token-form" onSubmit={onCreate} noValidate>
        <TextField
          label={t('account.tokens.name')}
          errors={createFields.name}
          name="token_name"
          value={name}
          onChange={setName}
          maxLength={100}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? t('account.tokens.creating') : t('account.tokens.create')}
        </button>
      </form>
      {!createFields.name && <ErrorBanner error={create.error} />}
      <ErrorBanner error={tokens.error} />
      {tokens.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="empty-state">{t('account.tokens.empty')}</p>
      ) : (
        <>
          <TokenTable tokens={list} onRevoke={setRevoking} />
          {(tokens.data?.count ?? 0) > TOKEN_PAGE_SIZE && (
            <Pagination page={page} pageSize={TOKEN_PAGE_SIZE} count={tokens.data?.count ?? 0} onPage={setPage} />
          )}
        </>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('account.tokens.revokeTitle')}
          message={t('account.tokens.revokeConfirm', { name: revoking.name })}
          confirmLabel={revoke.isPending ? t('account.tokens.revoking') : t('account.tokens.revoke')}
          busy={revoke.isPending}
          error={revoke.error}
          onConfirm={onRevoke}
          onCancel={() => {
            revoke.reset()
            setRevoking(null)
          }}
        />
      )}
    </section>
  )
}
