import { beforeEach, describe, expect, it } from 'vitest'

import { handleId } from '@/features/canvas-core'
import { DEFAULT_FLOW_INFO } from '@/features/flows'
import { CSV_SAVE, DESCRIPTORS, FILTER, FORK, MERGE, MOCK_DATA, ROUTE } from '@/test/stop-descriptors'
import { createEditorStore, type EditorStore } from './editor-store'

let editor: EditorStore
const store = () => editor.getState()
const undoSteps = () => editor.history.depth().past

describe('editor store', () => {
  beforeEach(() => {
    editor = createEditorStore()
    store().load(
      { id: 1, revision: 3, ...DEFAULT_FLOW_INFO, name: 'f', stops: [], paths: [], positions: {}, checkpoints: [] },
      DESCRIPTORS,
    )
  })

  it('adds stops with unique names, their defaults, and selects the new one', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    const second = store().addStop(MOCK_DATA, { x: 200, y: 0 })
    expect(second).toBe('MockData_2')
    expect(store().selected).toBe('MockData_2')
    expect(store().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['MockData_2'])
    store().addStop(CSV_SAVE, { x: 0, y: 0 })
    expect(store().nodes.at(-1)?.data.properties).toEqual({ csvSavePath: '', header: 'false' })
    expect(store().dirty).toBe(true)
  })

  it('undoes and redoes every step, in order', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    store().addStop(FILTER, { x: 300, y: 0 })
    store().connect({ from: 'MockData', outport: '', inport: '', to: 'Filter' })
    store().updateStop('Filter', { properties: { condition: 'id > 1' } }, 'property:condition')
    expect(store().toFlow().paths).toHaveLength(1)

    store().undo()
    expect(store().nodes.find((n) => n.id === 'Filter')?.data.properties.condition).toBe('')
    store().undo()
    expect(store().edges).toHaveLength(0)
    store().undo()
    expect(store().nodes.map((n) => n.id)).toEqual(['MockData'])
    store().undo()
    expect(store().nodes).toHaveLength(0)
    store().undo() // nothing left: no-op
    expect(store().nodes).toHaveLength(0)

    store().redo()
    store().redo()
    store().redo()
    expect(store().toFlow().paths).toEqual([{ from: 'MockData', outport: '', inport: '', to: 'Filter' }])
    store().redo()
    expect(store().toFlow().stops[1]?.properties).toEqual({ condition: 'id > 1' })
    expect(store().canRedo).toBe(false)
  })

  it('makes a burst of typing into one field a single undo step', () => {
    store().addStop(FILTER, { x: 0, y: 0 })
    for (const text of ['i', 'id', 'id ', 'id >', 'id > 1']) {
      store().updateStop('Filter', { properties: { condition: text } }, 'property:condition')
    }
    store().undo()
    expect(store().nodes[0]?.data.properties.condition).toBe('')
  })

  it('forgets the redo steps after a new edit', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    store().undo()
    expect(editor.history.depth().future).toBe(1)
    store().addStop(FILTER, { x: 0, y: 0 })
    expect(store().canRedo).toBe(false)
  })

  it('deletes the selection with its paths, as one undo step', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    store().addStop(FILTER, { x: 300, y: 0 })
    store().connect({ from: 'MockData', outport: '', inport: '', to: 'Filter' })
    store().select('MockData')
    store().deleteSelection()
    expect(store().nodes.map((n) => n.id)).toEqual(['Filter'])
    expect(store().edges).toHaveLength(0)
    store().undo()
    expect(store().nodes).toHaveLength(2)
    expect(store().edges).toHaveLength(1)
  })

  it('records a drag as one step, when it starts', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    const before = undoSteps()
    for (const x of [10, 20, 30]) {
      store().onNodesChange([{ type: 'position', id: 'MockData', position: { x, y: 0 }, dragging: true }])
    }
    store().onNodesChange([{ type: 'position', id: 'MockData', position: { x: 30, y: 0 }, dragging: false }])
    expect(undoSteps()).toBe(before + 1)
    expect(store().nodes[0]?.position).toEqual({ x: 30, y: 0 })
    store().undo()
    expect(store().nodes[0]?.position).toEqual({ x: 0, y: 0 })
  })

  it('records a drag of several stops as one step', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    store().addStop(FILTER, { x: 300, y: 0 })
    const before = undoSteps()
    const move = (x: number, dragging: boolean) =>
      store().onNodesChange([
        { type: 'position', id: 'MockData', position: { x, y: 0 }, dragging },
        { type: 'position', id: 'Filter', position: { x: x + 300, y: 0 }, dragging },
      ])
    move(10, true)
    move(20, true)
    move(20, false)
    expect(undoSteps()).toBe(before + 1)
    expect(store().dragging).toBe(false)
  })

  it('does not count selecting as an edit', () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    const before = undoSteps()
    store().onNodesChange([{ type: 'select', id: 'MockData', selected: false }])
    expect(store().selected).toBeNull()
    expect(undoSteps()).toBe(before)
  })

  it('adds the port a user names on Fork and Merge to their port lists', () => {
    store().addStop(FORK, { x: 0, y: 0 })
    store().addStop(MERGE, { x: 300, y: 0 })
    store().connect({ from: 'Fork', outport: 'out1', inport: 'in1', to: 'Merge' })
    const flow = store().toFlow()
    expect(flow.stops.find((s) => s.name === 'Fork')?.properties?.outports).toBe('out1')
    expect(flow.stops.find((s) => s.name === 'Merge')?.properties?.inports).toBe('in1')
    expect(flow.paths).toEqual([{ from: 'Fork', outport: 'out1', inport: 'in1', to: 'Merge' }])
    expect(store().nodes[0]?.data.outputs.map((h) => h.port)).toEqual(['out1', ''])
  })

  it("stores a Route path's condition as a customized property named after its port", () => {
    store().addStop(ROUTE, { x: 0, y: 0 })
    store().addStop(FILTER, { x: 300, y: 0 })
    store().connect({ from: 'Route', outport: 'adults', inport: '', to: 'Filter', condition: 'age >= 18' })
    expect(store().toFlow().stops[0]?.customizedProperties).toEqual({ adults: 'age >= 18' })
    expect(store().edges[0]?.label).toBe('age >= 18')
    store().updateStop('Route', { customizedProperties: { adults: 'age > 17' } })
    expect(store().edges[0]?.label).toBe('age > 17')
    store().removeCondition('Route', 'adults')
    expect(store().edges).toHaveLength(0)
    expect(store().toFlow().stops[0]?.customizedProperties).toEqual({})
  })

  it('renames a stop with its paths, checkpoint and position', () => {
    store().addStop(MOCK_DATA, { x: 5, y: 6 })
    store().addStop(FILTER, { x: 300, y: 0 })
    store().connect({ from: 'MockData', outport: '', inport: '', to: 'Filter' })
    store().updateStop('MockData', { checkpoint: true })
    store().renameStop('MockData', 'Source')
    store().renameStop('Source', 'Filter') // taken: refused
    const flow = store().toFlow()
    expect(flow.stops.map((s) => s.name)).toEqual(['Source', 'Filter'])
    expect(flow.paths[0]?.from).toBe('Source')
    expect(flow.checkpoints).toEqual(['Source'])
    expect(flow.positions.Source).toEqual({ x: 5, y: 6 })
  })

  it("shows the server's problems on the stops they name, and clears them", () => {
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    store().markSaved(4, [
      { message: 'is required', stop: 'MockData', property: 'schema' },
      { message: 'the paths form a cycle' },
    ])
    expect(store().revision).toBe(4)
    expect(store().dirty).toBe(false)
    expect(store().nodes[0]?.data.error).toBe('Schema: is required')
    expect(store().problems).toHaveLength(2)
    store().setProblems([])
    expect(store().nodes[0]?.data.error).toBeUndefined()
  })

  it('loads a flow as the server sends it, and saves it back the same', () => {
    const flow = {
      id: 7,
      revision: 2,
      ...DEFAULT_FLOW_INFO,
      name: 'loaded',
      stops: [
        { uuid: 'a', name: 'M', bundle: MOCK_DATA.bundle, properties: { schema: 'id:Int', count: '1' }, customizedProperties: {} },
        { uuid: 'b', name: 'S', bundle: CSV_SAVE.bundle, properties: { csvSavePath: '/x' }, customizedProperties: {} },
      ],
      paths: [{ from: 'M', outport: '', inport: '', to: 'S' }],
      positions: { M: { x: 1, y: 2 }, S: { x: 300, y: 2 } },
      checkpoints: ['M'],
    }
    store().load(flow, DESCRIPTORS)
    const { id: _id, revision: _revision, ...saved } = flow
    expect(store().toFlow()).toEqual(saved)
    expect(store().nodes[1]?.data.inputs.map((h) => h.id)).toEqual([handleId('')])
  })

  it('takes the catalogue in another language without touching the canvas', () => {
    store().addStop(FILTER, { x: 0, y: 0 })
    const before = store().toFlow()
    const history = undoSteps()
    store().setDescriptors(DESCRIPTORS.map((d) => ({ ...d, groupLabels: d.groups.map((g) => `${g}-zh`) })))
    expect(store().nodes[0]?.data.group).toBe('Common-zh')
    expect(store().toFlow()).toEqual(before)
    expect(undoSteps()).toBe(history)
  })

  it('is one of many: another store has its own flow, stops and history', () => {
    const other = createEditorStore()
    other.getState().load({ id: 2, revision: 1, ...DEFAULT_FLOW_INFO, name: 'g', stops: [], paths: [], positions: {}, checkpoints: [] }, DESCRIPTORS)
    store().addStop(MOCK_DATA, { x: 0, y: 0 })
    expect(other.getState()).toMatchObject({ flowId: 2, nodes: [], dirty: false, canUndo: false })
    other.getState().undo()
    expect(store().nodes).toHaveLength(1)
  })
})
