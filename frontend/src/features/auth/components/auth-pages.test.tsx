import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { LoginPage } from './LoginPage'
import { RegisterPage } from './RegisterPage'
import { mockFetch, renderRoutes } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

const OPEN = { body: { registration_open: true } }
const CLOSED = { body: { registration_open: false } }
const isConfig = (url: URL) => url.pathname === '/api/auth/config'

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/', element: <p>{'home'}</p> },
  { path: '/flows', element: <p>{'flows'}</p> },
]

describe('login', () => {
  it('says when the user name or password is wrong', async () => {
    mockFetch(() => ({ status: 401, body: { error: 'wrong username or password' } }))
    renderRoutes(routes, '/login')
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'nope')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password.')
  })

  it('goes where ?next= says after logging in', async () => {
    const fetch = mockFetch(() => ({ body: { id: 1, username: 'ada', email: '', is_admin: false, token: 't' } }))
    const { router } = renderRoutes(routes, '/login?next=%2Fflows')
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'right-password')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/flows'))
    const loginCall = fetch.calls().find((call) => call.url.pathname === '/api/auth/login')
    expect(loginCall!.body).toEqual({ username: 'ada', password: 'right-password' })
  })
})

describe('register', () => {
  it("shows the server's reasons under the fields", async () => {
    mockFetch((url) =>
      isConfig(url)
        ? OPEN
        : {
            status: 400,
            body: {
              error: 'username: a user with that username already exists',
              fields: { username: ['a user with that username already exists'] },
            },
          },
    )
    renderRoutes(routes, '/register')
    await screen.findByRole('button', { name: 'Create account' })
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'a-long-password')
    await userEvent.type(screen.getByLabelText(/password again/i), 'a-long-password')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('a user with that username already exists')).toBeInTheDocument()
  })

  it('refuses two different passwords before asking the server', async () => {
    const fetch = mockFetch((url) => (isConfig(url) ? OPEN : { status: 201, body: {} }))
    renderRoutes(routes, '/register')
    await screen.findByRole('button', { name: 'Create account' })
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'a-long-password')
    await userEvent.type(screen.getByLabelText(/password again/i), 'another-password')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('The two passwords are not the same.')).toBeInTheDocument()
    expect(fetch.calls().filter((call) => !isConfig(call.url))).toEqual([])
  })

  it('sends the new user to the login page', async () => {
    mockFetch((url) => (isConfig(url) ? OPEN : { status: 201, body: { id: 2, username: 'ada', email: '', is_admin: false } }))
    const { router } = renderRoutes(routes, '/register')
    await screen.findByRole('button', { name: 'Create account' })
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'a-long-password')
    await userEvent.type(screen.getByLabelText(/password again/i), 'a-long-password')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(await screen.findByRole('status')).toHaveTextContent('Account “ada” created.')
  })
})

describe('closed registration', () => {
  it('says so on the register page instead of showing the form', async () => {
    const fetch = mockFetch((url) => (isConfig(url) ? CLOSED : undefined))
    renderRoutes(routes, '/register')
    expect(await screen.findByRole('heading', { name: 'Registration is closed' })).toBeInTheDocument()
    expect(screen.getByText(/New accounts are made by an administrator/)).toBeInTheDocument()
    expect(screen.queryByLabelText(/user name/i)).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login')
    expect(fetch.calls().map((call) => call.url.pathname)).toEqual(['/api/auth/config'])
  })

  it('drops the register link from the login page', async () => {
    const fetch = mockFetch((url) => (isConfig(url) ? CLOSED : undefined))
    renderRoutes(routes, '/login')
    await waitFor(() => expect(fetch.calls()).toHaveLength(1))
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Create one' })).not.toBeInTheDocument())
  })
})

describe('too many attempts', () => {
  it('tells how long to wait, in the UI language', async () => {
    mockFetch((url) =>
      isConfig(url) ? OPEN : { status: 429, body: { error: 'too many attempts: try again in 42 seconds', wait: 42 } },
    )
    renderRoutes(routes, '/login')
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'guess')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 42 s.')
  })
})
