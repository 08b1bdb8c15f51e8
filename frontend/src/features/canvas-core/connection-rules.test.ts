import { describe, expect, it } from 'vitest'

import { DESCRIPTORS } from '@/test/stop-descriptors'
import { adjacencyOf, isValidAttempt, planConnection, reaches, refusal } from './connection-rules'
import { handleId, NEW_PORT_HANDLE } from './ports'
import { descriptorIndex, flowToCanvas } from './spec-mapping'
import type { FlowGraph } from './types'

const stop = (name: string, kind: string) => ({ name, bundle: `piflow.stops.common.${kind}`, properties: {}, customizedProperties: {} })

// Mock -> Filter -> Fork -(a)-> Join.Left ; Mock2 free ; Merge with one input x from Filter
const FLOW: FlowGraph = {
  stops: [stop('Mock', 'MockData'), stop('Filter', 'Filter'), stop('Fork', 'Fork'), stop('Join', 'Join'), stop('Mock2', 'MockData'), stop('Merge', 'Merge')],
  paths: [
    { from: 'Mock', outport: '', inport: '', to: 'Filter' },
    { from: 'Filter', outport: '', inport: '', to: 'Fork' },
    { from: 'Fork', outport: 'a', inport: 'Left', to: 'Join' },
    { from: 'Filter', outport: '', inport: 'x', to: 'Merge' },
  ],
  positions: {},
  checkpoints: [],
}
const { nodes, edges } = flowToCanvas(FLOW, descriptorIndex(DESCRIPTORS))
const stopOf = (name: string) => nodes.find((node) => node.id === name)?.data
const attempt = (source: string, sourcePort: string | null, target: string, targetPort: string | null) => ({
  source,
  target,
  sourceHandle: sourcePort === null ? NEW_PORT_HANDLE : handleId(sourcePort),
  targetHandle: targetPort === null ? NEW_PORT_HANDLE : handleId(targetPort),
})

describe('connection rules', () => {
  it('accept a path into a free port', () => {
    expect(refusal(attempt('Mock2', '', 'Join', 'Right'), edges)).toBeNull()
    expect(isValidAttempt(attempt('Fork', 'b', 'Join', 'Right'), edges)).toBe(true)
  })

  it('accept a new named port on an Any handle, on either side', () => {
    expect(refusal(attempt('Fork', null, 'Merge', null), edges)).toBeNull()
    expect(refusal(attempt('Mock2', '', 'Merge', null), edges)).toBeNull()
  })

  it('accept several paths leaving one output port', () => {
    expect(refusal(attempt('Mock', '', 'Merge', null), edges)).toBeNull()
  })

  it('refuse a path from a stop to itself', () => {
    expect(refusal(attempt('Filter', '', 'Filter', ''), edges)).toBe('self')
  })

  it('refuse a path that closes a cycle', () => {
    expect(refusal(attempt('Join', '', 'Merge', null), edges)).toBeNull()
    expect(refusal(attempt('Fork', null, 'Merge', null), edges)).toBeNull()
    // Merge -> ... would lead back: Mock2 is free, but Filter's descendants are not
    expect(refusal(attempt('Join', '', 'Mock', 'anything'), edges)).toBe('cycle')
    expect(refusal(attempt('Merge', '', 'Filter', 'other'), edges)).toBe('cycle')
  })

  it('refuse a second path into a port that takes one', () => {
    expect(refusal(attempt('Mock2', '', 'Filter', ''), edges)).toBe('taken')
    expect(refusal(attempt('Mock2', '', 'Join', 'Left'), edges)).toBe('taken')
    expect(refusal(attempt('Mock2', '', 'Merge', 'x'), edges)).toBe('taken')
    expect(refusal(attempt('Mock', '', 'Filter', ''), edges)).toBe('duplicate')
  })

  it('refuse an unfinished connection', () => {
    expect(refusal({ source: 'Mock', target: null }, edges)).toBe('incomplete')
  })

  it('find reachability along paths', () => {
    const adjacency = adjacencyOf(edges)
    expect(reaches(adjacency, 'Mock', 'Join')).toBe(true)
    expect(reaches(adjacency, 'Join', 'Mock')).toBe(false)
    expect(reaches(adjacency, 'Mock2', 'Mock2')).toBe(true)
  })
})

describe('planning a finished connection', () => {
  it('draws a path between existing ports at once', () => {
    expect(planConnection(attempt('Mock2', '', 'Join', 'Right'), stopOf, edges)).toEqual({
      kind: 'path',
      path: { from: 'Mock2', outport: '', inport: 'Right', to: 'Join' },
    })
  })

  it('asks for the names of new ports first', () => {
    const plan = planConnection(attempt('Fork', null, 'Merge', null), stopOf, edges)
    expect(plan.kind).toBe('name-ports')
    if (plan.kind !== 'name-ports') return
    expect(plan.request).toMatchObject({ askOut: 'any', askIn: true, outport: '', inport: '', takenIn: ['x'] })
    expect(plan.request.source.name).toBe('Fork')
    expect(plan.request.target.name).toBe('Merge')
  })

  it("asks for a name and a condition on Route's new port", () => {
    const { nodes: routed, edges: none } = flowToCanvas(
      { stops: [stop('Route', 'Route'), stop('Filter', 'Filter')], paths: [], positions: {}, checkpoints: [] },
      descriptorIndex(DESCRIPTORS),
    )
    const plan = planConnection(attempt('Route', null, 'Filter', ''), (name) => routed.find((n) => n.id === name)?.data, none)
    expect(plan).toMatchObject({ kind: 'name-ports', request: { askOut: 'route', askIn: false } })
  })

  it('refuses what the rules refuse, and stops not on the canvas', () => {
    expect(planConnection(attempt('Mock2', '', 'Filter', ''), stopOf, edges)).toEqual({ kind: 'refused', reason: 'taken' })
    expect(planConnection(attempt('Ghost', '', 'Join', 'Right'), stopOf, edges)).toEqual({ kind: 'refused', reason: 'missing' })
  })
})
