import { describe, expect, it } from 'vitest'

import { formatBytes, formatDuration, secondsBetween } from './format'

describe('format', () => {
  it('sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(16 * 1024 ** 3)).toBe('16.0 GB')
  })

  it('durations', () => {
    expect(formatDuration(3.21)).toBe('3.2s')
    expect(formatDuration(65)).toBe('1m 05s')
    expect(formatDuration(3723)).toBe('1h 02m 03s')
    expect(formatDuration(null)).toBe('—')
  })

  it('elapsed seconds', () => {
    expect(secondsBetween('2026-01-01T00:00:00Z', '2026-01-01T00:01:30Z')).toBe(90)
    expect(secondsBetween(null, null)).toBeNull()
  })
})
