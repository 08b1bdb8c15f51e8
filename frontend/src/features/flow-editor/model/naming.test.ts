import { describe, expect, it } from 'vitest'

import { stopNameProblem, uniqueName } from './naming'

describe('stop names', () => {
  it('are made unique', () => {
    expect(uniqueName('MockData', new Set())).toBe('MockData')
    expect(uniqueName('MockData', new Set(['MockData', 'MockData_2']))).toBe('MockData_3')
  })

  it('are checked as the user gives them', () => {
    const taken = (name: string) => name === 'Filter'
    expect(stopNameProblem('Filter', taken)).toBe('taken')
    expect(stopNameProblem('  ', taken)).toBe('empty')
    expect(stopNameProblem('a,b', taken)).toBe('comma')
    expect(stopNameProblem('Filter2', taken)).toBeNull()
  })
})
