import { isApiError } from '@/lib/api-client'

/** The seconds a 429 says to wait (its `wait`), or null for any other outcome. */
export function throttledFor(error: unknown): number | null {
  return isApiError(error, 429) && typeof error.body.wait === 'number' ? error.body.wait : null
}
