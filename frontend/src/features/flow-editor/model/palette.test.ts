import { describe, expect, it } from 'vitest'

import { CSV_SAVE, DESCRIPTORS, FILTER } from '@/test/stop-descriptors'
import { paletteGroups } from './palette'

describe('palette groups', () => {
  it('group stops in the order they come, named in the UI language when given', () => {
    const groups = paletteGroups([{ ...FILTER, groupLabels: ['通用'] }, CSV_SAVE], '')
    expect(groups.map((g) => [g.name, g.label, g.stops.map((s) => s.name)])).toEqual([
      ['Common', '通用', ['Filter']],
      ['CSV', 'CSV', ['CsvSave']],
    ])
  })

  it('search names and descriptions, in any case', () => {
    const byName = paletteGroups(DESCRIPTORS, 'csvsave')
    expect(byName.flatMap((g) => g.stops.map((s) => s.name))).toEqual(['CsvSave'])
    const byDescription = paletteGroups([{ ...FILTER, description: 'Keep only the rows that match' }, CSV_SAVE], 'ROWS THAT')
    expect(byDescription.flatMap((g) => g.stops.map((s) => s.name))).toEqual(['Filter'])
    expect(paletteGroups(DESCRIPTORS, 'no such stop')).toEqual([])
  })
})
