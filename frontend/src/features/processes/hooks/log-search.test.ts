import { describe, expect, it } from 'vitest'

import { searchLog } from './log-search'

describe('log search', () => {
  it('marks every match, in any letter case', () => {
    const { lines, total } = searchLog('INFO start\nERROR boom error\nINFO end\n', 'error')
    expect(total).toBe(2)
    expect(lines).toHaveLength(3)
    expect(lines[1]?.segments).toEqual([
      { text: 'ERROR', match: true },
      { text: ' boom ', match: false },
      { text: 'error', match: true },
    ])
    expect(lines[0]?.matches).toBe(0)
  })

  it('treats the query as text, not a pattern', () => {
    expect(searchLog('a.b axb', 'a.b').total).toBe(1)
  })

  it('keeps lines whole without a query', () => {
    expect(searchLog('one\ntwo', '').lines.map((l) => l.segments[0]?.text)).toEqual(['one', 'two'])
  })
})
