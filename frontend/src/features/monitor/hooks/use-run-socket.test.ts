import { describe, expect, it } from 'vitest'

import { reconnectDelay, socketUrl } from './use-run-socket'

describe('the run socket', () => {
  it('backs off from half a second, doubling, to at most 15 s (plus jitter)', () => {
    const none = () => 0
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => reconnectDelay(attempt, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ])
    expect(reconnectDelay(1, () => 1)).toBe(600)
  })

  it('uses wss behind https, and the run id escaped', () => {
    expect(socketUrl('run_1', { protocol: 'http:', host: '127.0.0.1:8000' })).toBe('ws://127.0.0.1:8000/ws/processes/run_1/')
    expect(socketUrl('a b', { protocol: 'https:', host: 'piflow.example' })).toBe('wss://piflow.example/ws/processes/a%20b/')
  })
})
