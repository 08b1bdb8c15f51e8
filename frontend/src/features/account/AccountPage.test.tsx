import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AccountPage } from '.'
import { changeLanguage } from '@/i18n'
import { mockFetch, renderPage } from '@/test/render'

afterEach(async () => {
  vi.unstubAllGlobals()
  await changeLanguage('en')
})

const TOKEN = {
  id: 7,
  name: 'nightly export',
  prefix: 'AbCdEfGh',
  created_at: '2026-01-02T03:04:05Z',
  last_used_at: null,
  expires_at: '2026-02-01T03:04:05Z',
  expired: false,
  from_login: false,
}
const page = (results: unknown[]) => ({ body: { count: results.length, next: null, previous: null, results } })

describe('account page', () => {
  it('lists the tokens without their keys, and says which expired', async () => {
    mockFetch(() => page([TOKEN, { ...TOKEN, id: 8, name: 'old laptop', expired: true, from_login: true }]))
    renderPage(<AccountPage />)
    const rows = await screen.findAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(within(rows[1]!).getByText('AbCdEfGh…')).toBeInTheDocument()
    expect(within(rows[1]!).getByText('Never')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('Expired')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('login')).toBeInTheDocument()
  })

  it('shows a new key once, with a copy button', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const fetch = mockFetch((_, init) =>
      init.method === 'POST' ? { status: 201, body: { ...TOKEN, key: 'the-secret-key-123' } } : page([]),
    )
    renderPage(<AccountPage />)
    expect(await screen.findByText('You have no API tokens.')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Token name'), '  nightly export ')
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }))

    expect(await screen.findByLabelText("New token's key")).toHaveValue('the-secret-key-123')
    expect(screen.getByText(/shown this once/)).toBeInTheDocument()
    const post = fetch.calls().find((call) => call.init.method === 'POST')
    expect(post!.url.pathname).toBe('/api/auth/tokens/')
    expect(post!.body).toEqual({ name: 'nightly export' })
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }))
    expect(writeText).toHaveBeenCalledWith('the-secret-key-123')
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }))
    expect(screen.queryByDisplayValue('the-secret-key-123')).not.toBeInTheDocument()
  })

  it('revokes a token after asking', async () => {
    const fetch = mockFetch((_, init) => (init.method === 'DELETE' ? { status: 204 } : page([TOKEN])))
    renderPage(<AccountPage />)
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke: nightly export' }))
    const dialog = screen.getByRole('dialog', { name: 'Revoke token' })
    expect(dialog).toHaveTextContent('Revoke “nightly export”?')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }))

    expect(await screen.findByText('Token “nightly export” revoked.')).toBeInTheDocument()
    const deletion = fetch.calls().find((call) => call.init.method === 'DELETE')
    expect(deletion!.url.pathname).toBe('/api/auth/tokens/7/')
  })

  it('changes the password, refusing two different new ones before asking the server', async () => {
    const fetch = mockFetch((_, init) => (init.method === 'POST' ? { status: 204 } : page([])))
    renderPage(<AccountPage />)
    await userEvent.type(screen.getByLabelText(/^current password/i), 'old-pass')
    await userEvent.type(screen.getByLabelText(/^new password\*?$/i), 'a new long phrase')
    await userEvent.type(screen.getByLabelText(/new password again/i), 'another phrase')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('The two new passwords are not the same.')).toBeInTheDocument()
    expect(fetch.calls().filter((call) => call.init.method === 'POST')).toEqual([])

    await userEvent.clear(screen.getByLabelText(/new password again/i))
    await userEvent.type(screen.getByLabelText(/new password again/i), 'a new long phrase')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Password changed.')
    const post = fetch.calls().find((call) => call.init.method === 'POST')
    expect(post!.url.pathname).toBe('/api/auth/password')
    expect(post!.body).toEqual({ current_password: 'old-pass', new_password: 'a new long phrase' })
  })

  it("shows the server's reason under the field", async () => {
    mockFetch((_, init) =>
      init.method === 'POST'
        ? {
            status: 400,
            body: {
              error: 'current_password: this is not your current password',
              fields: { current_password: ['this is not your current password'] },
            },
          }
        : page([]),
    )
    renderPage(<AccountPage />)
    await userEvent.type(screen.getByLabelText(/^current password/i), 'wrong')
    await userEvent.type(screen.getByLabelText(/^new password\*?$/i), 'a new long phrase')
    await userEvent.type(screen.getByLabelText(/new password again/i), 'a new long phrase')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('this is not your current password')).toBeInTheDocument()
  })

  it('speaks Chinese', async () => {
    mockFetch(() => page([]))
    await changeLanguage('zh-hans')
    renderPage(<AccountPage />)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('账户')
    await waitFor(() => expect(screen.getByText('你还没有 API 令牌。')).toBeInTheDocument())
    expect(screen.getByRole('button', { name: '修改密码' })).toBeInTheDocument()
  })
})
