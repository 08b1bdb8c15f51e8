import { describe, expect, it } from 'vitest'

import { baseName, crumbs, joinPath, normalisePath } from './paths'

describe('workspace paths', () => {
  it('are normalised as the server does', () => {
    expect(normalisePath('./in//2024/')).toBe('in/2024')
    expect(normalisePath('')).toBe('')
    expect(normalisePath('/')).toBe('')
  })

  it('join a name into a folder, the workspace being the empty path', () => {
    expect(joinPath('', 'a.csv')).toBe('a.csv')
    expect(joinPath('in/2024', 'a.csv')).toBe('in/2024/a.csv')
    expect(baseName('in/2024/a.csv')).toBe('a.csv')
  })

  it('give one crumb per folder on the way down', () => {
    expect(crumbs('in/2024/jan')).toEqual([
      { name: 'in', path: 'in' },
      { name: '2024', path: 'in/2024' },
      { name: 'jan', path: 'in/2024/jan' },
    ])
    expect(crumbs('')).toEqual([])
  })
})
