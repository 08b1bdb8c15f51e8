import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { LoginPage } from './LoginPage'
import { RegisterPage } from './RegisterPage'
import { mockFetch, renderRoutes } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

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
    expect(fetch.calls()[0]!.body).toEqual({ username: 'ada', password: 'right-password' })
  })
})

describe('register', () => {
  it("shows the server's reasons under the fields", async () => {
    mockFetch(() => ({
      status: 400,
      body: {
        error: 'username: a user with that username already exists',
        fields: { username: ['a user with that username already exists'] },
      },
    }))
    renderRoutes(routes, '/register')
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'a-long-password')
    await userEvent.type(screen.getByLabelText(/password again/i), 'a-long-password')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('a user with that username already exists')).toBeInTheDocument()
  })

  it('refuses two different passwords before asking the server', async () => {
    const fetch = mockFetch(() => ({ status: 201, body: {} }))
    renderRoutes(routes, '/register')
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'a-long-password')
    await userEvent.type(screen.getByLabelText(/password again/i), 'another-password')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('The two passwords are not the same.')).toBeInTheDocument()
    expect(fetch.calls()).toEqual([])
  })

  it('sends the new user to the login page', async () => {
    mockFetch(() => ({ status: 201, body: { id: 2, username: 'ada', email: '', is_admin: false } }))
    const { router } = renderRoutes(routes, '/register')
    await userEvent.type(screen.getByLabelText(/user name/i), 'ada')
    await userEvent.type(screen.getByLabelText(/^password\*?$/i), 'a-long-password')
    await userEvent.type(screen.getByLabelText(/password again/i), 'a-long-password')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(await screen.findByRole('status')).toHaveTextContent('Account “ada” created.')
  })
})
