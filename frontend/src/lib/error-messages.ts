import { ApiError } from './api-client'

type Translate = (key: 'common.networkError' | 'common.unknownError' | 'common.forbidden') => string

/** What to tell the user about a failed request: the server's own words where it gave some. */
export function errorMessages(error: unknown, t: Translate): string[] {
  if (error instanceof ApiError) {
    if (error.status === 0) return [t('common.networkError')]
    if (error.status === 403 && !error.body.error) return [t('common.forbidden')]
    if (error.status >= 500) return [t('common.unknownError')]
    return error.messages
  }
  return [t('common.unknownError')]
}
