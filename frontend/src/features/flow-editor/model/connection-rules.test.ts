import { describe, expect, it } from 'vitest'

import { descriptorIndex, flowToCanvas, handleId, NEW_PORT_HANDLE, type FlowGraph } from '@/features/canvas-core'
import { DESCRIPTORS } from '@/features/canvas-core/testing/descriptors'
import { adjacencyOf, isValidAttempt, reaches, refusal } from './connection-rules'
import { portNameProblem, stopNameProblem, suggestPort, uniqueName } from './naming'

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
const { edges } = flowToCanvas(FLOW, descriptorIndex(DESCRIPTORS))
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

describe('naming', () => {
  it('makes stop names unique', () => {
    expect(uniqueName('MockData', new Set())).toBe('MockData')
    expect(uniqueName('MockData', new Set(['MockData', 'MockData_2']))).toBe('MockData_3')
  })

  it('suggests the first free port name', () => {
    expect(suggestPort('out', ['out1', 'out3'])).toBe('out2')
  })

  it('checks names the user gives', () => {
    const taken = (name: string) => name === 'Filter'
    expect(stopNameProblem('Filter', taken)).toBe('taken')
    expect(stopNameProblem('  ', taken)).toBe('empty')
    expect(stopNameProblem('a,b', taken)).toBe('comma')
    expect(stopNameProblem('Filter2', taken)).toBeNull()
    expect(portNameProblem('Default', new Set())).toBe('reserved')
    expect(portNameProblem('big', new Set(['big']))).toBe('taken')
    expect(portNameProblem('out1', new Set())).toBeNull()
  })
})
