import { afterEach, describe, expect, it, vi } from 'vitest'

import { api, ApiError, buildUrl, flattenFields, setApiLanguage } from './api-client'
import { mockFetch } from '@/test/render'

afterEach(() => {
  vi.unstubAllGlobals()
  document.cookie = 'csrftoken=; max-age=0; path=/'
})

describe('api client', () => {
  it('sends the CSRF token and the language with unsafe requests', async () => {
    // given
    document.cookie = 'csrftoken=abc123; path=/'
    setApiLanguage('zh-hans')
    const fetch = mockFetch(() => ({ status: 201, body: { id: 1 } }))

    // when
    const created = await api.post<{ id: number }>('/api/flows/', { name: 'f' })

    // then
    expect(created).toEqual({ id: 1 })
    const { init, body } = fetch.calls()[0]!
    const headers = init.headers as Record<string, string>
    expect(headers['X-CSRFToken']).toBe('abc123')
    expect(headers['Accept-Language']).toBe('zh-hans')
    expect(headers['Content-Type']).toBe('application/json')
    expect(body).toEqual({ name: 'f' })
    setApiLanguage('en')
  })

  it('sends no CSRF token with a GET', async () => {
    document.cookie = 'csrftoken=abc123; path=/'
    const fetch = mockFetch(() => ({ body: [] }))
    await api.get('/api/stops/')
    expect((fetch.calls()[0]!.init.headers as Record<string, string>)['X-CSRFToken']).toBeUndefined()
  })

  it('turns an error body into a typed ApiError', async () => {
    mockFetch(() => ({
      status: 400,
      body: {
        error: 'the flow is not valid',
        problems: [{ message: 'path is required', stop: 'Csv', property: 'path' }],
        fields: { name: ['This field is required.'] },
      },
    }))
    const error = await api.post('/api/flows/1/run/').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.error).toBe('the flow is not valid')
    expect(apiError.problems[0]?.stop).toBe('Csv')
    expect(apiError.fields).toEqual({ name: ['This field is required.'] })
    expect(apiError.messages).toEqual(['This field is required.', 'path is required'])
  })

  it('answers 204 with undefined', async () => {
    mockFetch(() => ({ status: 204 }))
    await expect(api.delete('/api/flows/1/')).resolves.toBeUndefined()
  })

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = (await api.get('/api/auth/me').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
  })

  it('drops empty query values', () => {
    expect(buildUrl('/api/processes/', { state: '', page: 2, flow: undefined })).toBe('/api/processes/?page=2')
  })

  it('flattens nested field errors', () => {
    expect(flattenFields({ stops: [{ name: ['required'] }], detail: 'x' })).toEqual({
      'stops.0.name': ['required'],
      detail: ['x'],
    })
  })
})
