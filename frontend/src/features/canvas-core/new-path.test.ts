import { describe, expect, it } from 'vitest'

import { DESCRIPTORS, FILTER, FORK, JOIN, MERGE, ROUTE, UNION } from '@/test/stop-descriptors'
import { listsPortNames, stopsWithPath } from './new-path'
import { descriptorIndex, stopNodeData } from './spec-mapping'
import type { StopDescriptor } from './types'

const descriptors = descriptorIndex(DESCRIPTORS)
const descriptorOf = (bundle: string) => descriptors.get(bundle)
const data = (descriptor: StopDescriptor, properties: Record<string, string> = {}) =>
  stopNodeData({ name: descriptor.name, bundle: descriptor.bundle, properties, customizedProperties: {} }, descriptor, false)

describe('what a new path writes into its stops', () => {
  it('knows which sides list their port names', () => {
    expect(listsPortNames(FORK, 'out')).toBe(true)
    expect(listsPortNames(MERGE, 'in')).toBe(true)
    expect(listsPortNames(FORK, 'in')).toBe(false)
    expect(listsPortNames(UNION, 'in')).toBe(false) // Any, but no `inports` property to list them in
    expect(listsPortNames(JOIN, 'in')).toBe(false) // Left and Right are fixed
    expect(listsPortNames(undefined, 'out')).toBe(false)
  })

  it("adds a new port name to Fork's outports and Merge's inports, once", () => {
    const fork = data(FORK, { outports: 'out1' })
    const merge = data(MERGE)
    const drawn = stopsWithPath(fork, merge, { from: 'Fork', outport: 'out2', inport: 'in1', to: 'Merge' }, descriptorOf)
    expect(drawn.source.properties.outports).toBe('out1,out2')
    expect(drawn.target.properties.inports).toBe('in1')
    const again = stopsWithPath(drawn.source, drawn.target, { from: 'Fork', outport: 'out2', inport: 'in1', to: 'Merge' }, descriptorOf)
    expect(again.source).toBe(drawn.source)
    expect(again.target).toBe(drawn.target)
  })

  it("keeps a Route port's condition as a customized property named after the port", () => {
    const route = data(ROUTE)
    const filter = data(FILTER)
    const drawn = stopsWithPath(route, filter, { from: 'Route', outport: 'adults', inport: '', to: 'Filter', condition: 'age >= 18' }, descriptorOf)
    expect(drawn.source.customizedProperties).toEqual({ adults: 'age >= 18' })
    expect(drawn.target).toBe(filter)
  })

  it('leaves stops with fixed ports alone', () => {
    const filter = data(FILTER)
    const join = data(JOIN)
    const drawn = stopsWithPath(filter, join, { from: 'Filter', outport: '', inport: 'Left', to: 'Join' }, descriptorOf)
    expect(drawn.source).toBe(filter)
    expect(drawn.target).toBe(join)
  })
})
