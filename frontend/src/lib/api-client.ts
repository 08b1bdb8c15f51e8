/**
 * The one way the app talks to the server: JSON over fetch, with the session cookie, Django's
 * CSRF token on unsafe methods, the UI language, and every failure turned into an {@link ApiError}.
 */

import type { ApiSchema } from './api-types'

/** A reason the engine refuses a flow (`problems` in flow errors). */
export type Problem = ApiSchema<'Problem'>

/**
 * Field name -> messages; nested DRF errors are flattened to dotted names (`stops.0.name`).
 * Hand-written: the schema's error bodies type `fields` as a free-form object.
 */
export type FieldErrors = Record<string, string[]>

/** Any failed request: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number
  /** The server's `error` message (or the HTTP reason when the body was not JSON). */
  readonly error: string
  readonly problems: Problem[]
  readonly fields: FieldErrors
  /** The whole JSON body, for extras such as `revision` on a 409. */
  readonly body: Record<string, unknown>

  constructor(status: number, error: string, body: Record<string, unknown> = {}) {
    super(error)
    this.name = 'ApiError'
    this.status = status
    this.error = error
    this.body = body
    this.problems = Array.isArray(body.problems) ? (body.problems as Problem[]) : []
    this.fields = flattenFields(body.fields)
  }

  /** Every message, the fields' first: what a form shows under its submit button. */
  get messages(): string[] {
    const fieldMessages = Object.values(this.fields).flat()
    const problemMessages = this.problems.map((p) => p.message)
    const all = [...fieldMessages, ...problemMessages]
    return all.length > 0 ? all : [this.error]
  }
}

export function flattenFields(value: unknown, prefix = ''): FieldErrors {
  const out: FieldErrors = {}
  const visit = (node: unknown, key: string) => {
    if (node === null || node === undefined) return
    if (typeof node === 'string') {
      ;(out[key || 'non_field_errors'] ??= []).push(node)
    } else if (Array.isArray(node)) {
      if (node.every((item) => typeof item === 'string')) {
        for (const item of node) visit(item, key)
      } else {
        node.forEach((item, i) => visit(item, key ? `${key}.${i}` : String(i)))
      }
    } else if (typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        visit(v, key ? `${key}.${k}` : k)
      }
    } else {
      visit(String(node), key)
    }
  }
  visit(value, prefix)
  return out
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

let currentLanguage = 'en'

/** Sent as Accept-Language, so the server's messages come back in the UI's language. */
export function setApiLanguage(language: string): void {
  currentLanguage = language
}

export type Query = Record<string, string | number | boolean | null | undefined>

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Query
  body?: unknown
  signal?: AbortSignal
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage,
  }
  let body: BodyInit | undefined
  if (options.body !== undefined) {
    if (options.body instanceof FormData) {
      body = options.body
    } else {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
  }
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie('csrftoken')
    if (token) headers['X-CSRFToken'] = token
  }

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, 'network')
  }

  if (response.status === 204) return undefined as T
  const isJson = (response.headers.get('Content-Type') ?? '').includes('json')
  const data: unknown = isJson ? await response.json().catch(() => null) : null
  if (!response.ok) {
    const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
    const message =
      typeof record.error === 'string'
        ? record.error
        : typeof record.detail === 'string'
          ? record.detail
          : response.statusText || `HTTP ${response.status}`
    throw new ApiError(response.status, message, record)
  }
  return data as T
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status)
}
