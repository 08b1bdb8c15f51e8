import { describe, expect, it } from 'vitest'

import { handleId, NEW_PORT_HANDLE } from './ports'
import {
  canvasToFlow,
  descriptorIndex,
  flowToCanvas,
  layoutPositions,
  positionsOf,
  refreshEdgeTexts,
  refreshHandles,
  settleStops,
} from './spec-mapping'
import { DESCRIPTORS } from '@/test/stop-descriptors'
import type { FlowGraph } from './types'

const descriptors = descriptorIndex(DESCRIPTORS)

/** A flow using every kind of port: default, Fork's named outports, Route, Join's Left/Right, Merge's named inports. */
const FLOW: FlowGraph = {
  stops: [
    { uuid: 'u1', name: 'Mock', bundle: 'piflow.stops.common.MockData', properties: { schema: 'id:Int', count: '10' }, customizedProperties: {} },
    { uuid: 'u2', name: 'Fork', bundle: 'piflow.stops.common.Fork', properties: { outports: 'a,b' }, customizedProperties: {} },
    { uuid: 'u3', name: 'Route', bundle: 'piflow.stops.common.Route', properties: {}, customizedProperties: { big: 'id > 50', small: 'id < 5' } },
    { uuid: 'u4', name: 'Join', bundle: 'piflow.stops.common.Join', properties: { correlationColumn: 'id' }, customizedProperties: {} },
    { uuid: 'u5', name: 'Merge', bundle: 'cn.piflow.bundle.common.Merge', properties: { inports: 'x,y' }, customizedProperties: {} },
    { uuid: 'u6', name: 'Save', bundle: 'piflow.stops.csv.CsvSave', properties: { csvSavePath: '/tmp/out', header: 'true' }, customizedProperties: {} },
  ],
  paths: [
    { from: 'Mock', outport: '', inport: '', to: 'Fork' },
    { from: 'Fork', outport: 'a', inport: '', to: 'Route' },
    { from: 'Fork', outport: 'b', inport: 'Left', to: 'Join' },
    { from: 'Route', outport: 'big', inport: 'Right', to: 'Join' },
    { from: 'Join', outport: '', inport: 'x', to: 'Merge' },
    { from: 'Route', outport: 'small', inport: 'y', to: 'Merge' },
    { from: 'Merge', outport: '', inport: '', to: 'Save' },
  ],
  positions: {
    Mock: { x: 0, y: 0 },
    Fork: { x: 260, y: 0 },
    Route: { x: 520, y: -40 },
    Join: { x: 780, y: 20.5 },
    Merge: { x: 1040, y: 0 },
    Save: { x: 1300, y: 10 },
  },
  checkpoints: ['Fork', 'Join'],
}

describe('flowToCanvas / canvasToFlow', () => {
  it('gives the flow back unchanged: stops, ports, positions, checkpoints', () => {
    const { nodes, edges } = flowToCanvas(FLOW, descriptors)
    expect(canvasToFlow(nodes, edges)).toEqual(FLOW)
  })

  it('gives it back unchanged without descriptors too', () => {
    const { nodes, edges } = flowToCanvas(FLOW)
    expect(canvasToFlow(nodes, edges)).toEqual(FLOW)
  })

  it('names nodes after their stops and edges by their ports', () => {
    const { nodes, edges } = flowToCanvas(FLOW, descriptors)
    expect(nodes.map((n) => n.id)).toEqual(['Mock', 'Fork', 'Route', 'Join', 'Merge', 'Save'])
    expect(nodes.find((n) => n.id === 'Join')?.position).toEqual({ x: 780, y: 20.5 })
    expect(nodes.filter((n) => n.data.checkpoint).map((n) => n.id)).toEqual(['Fork', 'Join'])
    const joinRight = edges.find((e) => e.target === 'Join' && e.source === 'Route')
    expect(joinRight).toMatchObject({ sourceHandle: handleId('big'), targetHandle: handleId('Right'), label: 'id > 50' })
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length)
  })

  it('draws handles from the descriptor, the properties and the paths', () => {
    const { nodes } = flowToCanvas(FLOW, descriptors)
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n.data]))
    // a source has no input handle
    expect(byId.Mock?.inputs).toEqual([])
    expect(byId.Mock?.outputs.map((h) => h.port)).toEqual([''])
    // Fork: its named ports, then the "add a port" handle
    expect(byId.Fork?.outputs.map((h) => [h.port, h.kind])).toEqual([['a', 'named'], ['b', 'named'], ['', 'any']])
    expect(byId.Fork?.outputs.at(-1)?.id).toBe(NEW_PORT_HANDLE)
    // Route: default port, one per condition, "add a condition"
    expect(byId.Route?.outputs.map((h) => [h.port, h.kind])).toEqual([['', 'default'], ['big', 'named'], ['small', 'named'], ['', 'route']])
    // Join: Left and Right
    expect(byId.Join?.inputs.map((h) => h.port)).toEqual(['Left', 'Right'])
    // Merge: named inports and "add a port"
    expect(byId.Merge?.inputs.map((h) => [h.port, h.kind])).toEqual([['x', 'named'], ['y', 'named'], ['', 'any']])
    expect(byId.Merge?.kind).toBe('Merge') // found by its PiFlow alias
  })

  it('marks a port a path uses but the stop lacks, and a stop the server does not know', () => {
    const flow: FlowGraph = {
      stops: [
        { name: 'A', bundle: 'piflow.stops.common.MockData', properties: {}, customizedProperties: {} },
        { name: 'B', bundle: 'com.example.Gone', properties: {}, customizedProperties: {} },
        { name: 'C', bundle: 'piflow.stops.common.Filter', properties: {}, customizedProperties: {} },
      ],
      paths: [
        { from: 'A', outport: 'oops', inport: '', to: 'C' },
        { from: 'C', outport: '', inport: 'in', to: 'B' },
      ],
      positions: {},
      checkpoints: [],
    }
    const { nodes, edges } = flowToCanvas(flow, descriptors)
    expect(nodes[0]?.data.outputs.map((h) => [h.port, h.kind])).toEqual([['', 'default'], ['oops', 'unknown']])
    expect(nodes[1]?.data.unknown).toBe(true)
    expect(nodes[1]?.data.kind).toBe('Gone')
    expect(nodes[1]?.data.inputs.map((h) => h.port)).toEqual(['in'])
    expect(canvasToFlow(nodes, edges).paths).toEqual(flow.paths)
  })

  it('lays out stops without a position left to right by depth', () => {
    const flow = { ...FLOW, positions: {} }
    const { nodes } = flowToCanvas(flow, descriptors)
    const x = Object.fromEntries(nodes.map((n) => [n.id, n.position.x]))
    expect(x.Mock).toBeLessThan(x.Fork!)
    expect(x.Fork).toBeLessThan(x.Route!)
    expect(x.Route).toBeLessThan(x.Join!)
    expect(x.Join).toBeLessThan(x.Merge!)
    expect(canvasToFlow(nodes, []).positions).toEqual(layoutPositions(flow.stops, flow.paths))
  })

  it('survives a cycle when laying out', () => {
    const stops = [
      { name: 'A', bundle: 'x' },
      { name: 'B', bundle: 'x' },
    ]
    const positions = layoutPositions(stops, [
      { from: 'A', to: 'B', outport: '', inport: '' },
      { from: 'B', to: 'A', outport: '', inport: '' },
    ])
    expect(Object.keys(positions)).toEqual(['A', 'B'])
  })
})

describe('refreshHandles', () => {
  it('keeps the objects of nodes whose handles did not change', () => {
    const { nodes, edges } = flowToCanvas(FLOW, descriptors)
    expect(refreshHandles(nodes, edges, descriptors)).toBe(nodes)
  })

  it('adds a handle for a new port in use, and only to that node', () => {
    const { nodes, edges } = flowToCanvas(FLOW, descriptors)
    const more = [...edges, { id: 'new', source: 'Fork', target: 'Save', sourceHandle: handleId('c'), targetHandle: handleId('') }]
    const next = refreshHandles(nodes, more, descriptors, new Set(['Fork', 'Save']))
    expect(next.find((n) => n.id === 'Fork')?.data.outputs.map((h) => h.port)).toEqual(['a', 'b', 'c', ''])
    expect(next.find((n) => n.id === 'Save')).toBe(nodes.find((n) => n.id === 'Save'))
    expect(next.find((n) => n.id === 'Mock')).toBe(nodes.find((n) => n.id === 'Mock'))
  })
})

describe('refreshEdgeTexts / settleStops', () => {
  it("shows a Route port's new condition on its paths, and keeps other edges' objects", () => {
    const { nodes, edges } = flowToCanvas(FLOW, descriptors)
    const changed = nodes.map((node) =>
      node.id === 'Route' ? { ...node, data: { ...node.data, customizedProperties: { big: 'id > 60', small: 'id < 5' } } } : node,
    )
    const next = refreshEdgeTexts(changed, edges, descriptors, new Set(['Route']))
    const big = next.find((e) => e.source === 'Route' && e.sourceHandle === handleId('big'))
    expect(big?.label).toBe('id > 60')
    expect(big?.data?.text).toBe('id > 60')
    const small = edges.findIndex((e) => e.source === 'Route' && e.sourceHandle === handleId('small'))
    expect(next[small]).toBe(edges[small])
    expect(refreshEdgeTexts(changed, edges, descriptors, new Set(['Fork']))).toBe(edges)
  })

  it("drops the text of a path whose condition is gone", () => {
    const { nodes, edges } = flowToCanvas(FLOW, descriptors)
    const changed = nodes.map((node) =>
      node.id === 'Route' ? { ...node, data: { ...node.data, customizedProperties: { small: 'id < 5' } } } : node,
    )
    const { edges: next } = settleStops(changed, edges, descriptors, new Set(['Route']))
    const big = next.find((e) => e.source === 'Route' && e.sourceHandle === handleId('big'))
    expect(big?.label).toBeUndefined()
    expect(big?.data?.text).toBeUndefined()
  })
})

describe('positionsOf', () => {
  it('keeps the positions that are {x, y} numbers', () => {
    expect(positionsOf({ A: { x: 1, y: 2, extra: true }, B: { x: '1', y: 2 }, C: null, D: [3, 4] })).toEqual({ A: { x: 1, y: 2 } })
  })
})
