import { describe, expect, it } from 'vitest'

import { detailLines } from './details'

describe('detailLines', () => {
  it('names what changed, one line per part', () => {
    expect(
      detailLines({
        fields: ['description', 'stops'],
        stops: { added: ['Show'], changed: { Db: ['properties.password'] } },
        revision: 3,
        flow: null,
      }),
    ).toEqual(['fields: description, stops', 'stops.added: Show', 'stops.changed.Db: properties.password', 'revision: 3'])
  })

  it('says nothing about empty details', () => {
    expect(detailLines({})).toEqual([])
    expect(detailLines({ fields: [] })).toEqual([])
  })
})
