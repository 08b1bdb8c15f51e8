import { describe, expect, it } from 'vitest'

import { DESCRIPTORS, FORK, MERGE, ROUTE } from '@/test/stop-descriptors'
import {
  isAcceptedNaming,
  namedPath,
  nextRoutePort,
  portNameProblem,
  portNamingProblems,
  suggestedPortNames,
  suggestPort,
  type PortNamingRequest,
} from './port-naming'
import { descriptorIndex, stopNodeData } from './spec-mapping'
import type { StopDescriptor } from './types'

const descriptors = descriptorIndex(DESCRIPTORS)
const data = (descriptor: StopDescriptor, properties: Record<string, string> = {}, customized: Record<string, string> = {}, usedIn: string[] = []) =>
  stopNodeData(
    { name: descriptor.name, bundle: descriptor.bundle, properties, customizedProperties: customized },
    descriptors.get(descriptor.bundle),
    false,
    usedIn,
  )

const request = (over: Partial<PortNamingRequest>): PortNamingRequest => ({
  source: data(FORK, { outports: 'out1' }),
  target: data(MERGE, {}, {}, ['in1']),
  askOut: 'any',
  outport: '',
  askIn: true,
  inport: '',
  takenIn: ['in1'],
  ...over,
})

describe('port names', () => {
  it('suggest the first free name', () => {
    expect(suggestPort('out', ['out1', 'out3'])).toBe('out2')
    expect(nextRoutePort({ route1: 'a > 1' })).toBe('route2')
  })

  it('refuse empty, listed, reserved and taken names', () => {
    expect(portNameProblem(' ', new Set())).toBe('empty')
    expect(portNameProblem('a,b', new Set())).toBe('comma')
    expect(portNameProblem('Default', new Set())).toBe('reserved')
    expect(portNameProblem('ANY', new Set())).toBe('reserved')
    expect(portNameProblem('big', new Set(['big']))).toBe('taken')
    expect(portNameProblem('out1', new Set())).toBeNull()
  })
})

describe('naming the ports of a new path', () => {
  it("offers Fork's and Merge's next free port", () => {
    expect(suggestedPortNames(request({}))).toEqual({ outport: 'out2', inport: 'in2' })
  })

  it("offers Route's next free condition port", () => {
    const source = data(ROUTE, {}, { route1: 'age > 17' })
    expect(suggestedPortNames(request({ source, askOut: 'route', askIn: false, inport: '' }))).toEqual({ outport: 'route2', inport: '' })
  })

  it('keeps the ports drawn to when it does not ask', () => {
    expect(suggestedPortNames(request({ askOut: null, outport: 'out1', askIn: false, inport: 'Left' }))).toEqual({
      outport: 'out1',
      inport: 'Left',
    })
  })

  it('refuses an inport a path already uses, and a Route path without a condition', () => {
    const problems = portNamingProblems(request({}), { outport: 'out2', inport: 'in1', condition: '' })
    expect(problems).toEqual({ outport: null, inport: 'taken', condition: null })
    expect(isAcceptedNaming(problems)).toBe(false)

    const source = data(ROUTE, {}, { adults: 'age >= 18' })
    const route = request({ source, askOut: 'route', askIn: false })
    expect(portNamingProblems(route, { outport: 'adults', inport: '', condition: ' ' })).toEqual({
      outport: 'taken',
      inport: null,
      condition: 'empty',
    })
  })

  it('lets a Fork reuse a port name it already lists (one port, several paths)', () => {
    expect(portNamingProblems(request({ askIn: false }), { outport: 'out1', inport: '', condition: '' }).outport).toBeNull()
  })

  it('hands over the path with trimmed names, and a Route path with its condition', () => {
    expect(namedPath(request({}), { outport: ' out2 ', inport: 'in2 ', condition: 'ignored' })).toEqual({
      from: 'Fork',
      outport: 'out2',
      inport: 'in2',
      to: 'Merge',
    })
    const source = data(ROUTE)
    expect(namedPath(request({ source, askOut: 'route', askIn: false }), { outport: 'kids', inport: '', condition: ' age < 18 ' })).toEqual({
      from: 'Route',
      outport: 'kids',
      inport: '',
      to: 'Merge',
      condition: 'age < 18',
    })
  })
})
