import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'

import { history, type Undoable } from './history-middleware'

type Counter = Undoable & {
  count: number
  label: string
  /** Not part of the history: never undone. */
  views: number
  add: (by: number, key?: string) => void
  relabel: (label: string) => void
  view: () => void
}

/** A counter store with undo; `clock.at` is the time the history sees. */
function counterStore(options: { limit?: number; restore?: boolean } = {}) {
  const clock = { at: 0 }
  const store = createStore<Counter>()(
    history(
      {
        pick: (state) => ({ count: state.count, label: state.label }),
        limit: options.limit,
        now: () => clock.at,
        restore: options.restore ? (snapshot) => ({ ...snapshot, label: `${snapshot.label}!` }) : undefined,
      },
      (set, get, api) => ({
        count: 0,
        label: 'a',
        views: 0,
        add: (by, key) => {
          api.history.record(key)
          set({ count: get().count + by })
        },
        relabel: (label) => {
          api.history.record()
          set({ label })
        },
        view: () => set({ views: get().views + 1 }),
      }),
    ),
  )
  return { store, clock, state: () => store.getState() }
}

describe('history middleware', () => {
  it('undoes and redoes the recorded slice, step by step', () => {
    const { state } = counterStore()
    state().add(1)
    state().relabel('b')
    state().add(10)
    expect(state()).toMatchObject({ count: 11, label: 'b', canUndo: true, canRedo: false })

    state().undo()
    expect(state()).toMatchObject({ count: 1, label: 'b', canRedo: true })
    state().undo()
    expect(state()).toMatchObject({ count: 1, label: 'a' })
    state().undo()
    expect(state()).toMatchObject({ count: 0, label: 'a', canUndo: false, canRedo: true })
    state().undo() // nothing left: a no-op
    expect(state().count).toBe(0)

    state().redo()
    state().redo()
    state().redo()
    expect(state()).toMatchObject({ count: 11, label: 'b', canUndo: true, canRedo: false })
  })

  it('leaves the rest of the state alone', () => {
    const { state } = counterStore()
    state().add(1)
    state().view()
    state().undo()
    expect(state()).toMatchObject({ count: 0, views: 1 })
  })

  it('forgets the redo steps after a new edit', () => {
    const { store, state } = counterStore()
    state().add(1)
    state().add(1)
    state().undo()
    expect(store.history.depth()).toEqual({ past: 1, future: 1 })
    state().add(5)
    expect(store.history.depth()).toEqual({ past: 2, future: 0 })
    expect(state().canRedo).toBe(false)
  })

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const { store, state } = counterStore({ limit: 3 })
    for (let i = 0; i < 5; i++) state().add(1)
    expect(store.history.depth().past).toBe(3)
    state().undo()
    state().undo()
    state().undo()
    expect(state()).toMatchObject({ count: 2, canUndo: false })
  })

  it('makes edits to one key close together one step', () => {
    const { clock, state } = counterStore()
    for (const at of [0, 300, 600, 900]) {
      clock.at = at
      state().add(1, 'typing')
    }
    clock.at = 5000 // a pause: a new step
    state().add(1, 'typing')
    state().undo()
    expect(state().count).toBe(4)
    state().undo()
    expect(state().count).toBe(0)
  })

  it('starts a new step when the key changes or after an undo', () => {
    const { clock, state } = counterStore()
    state().add(1, 'a')
    clock.at = 10
    state().add(1, 'b')
    state().undo()
    expect(state().count).toBe(1)
    clock.at = 20
    state().add(1, 'b')
    state().undo()
    expect(state().count).toBe(1)
  })

  it('puts snapshots back through `restore` when given', () => {
    const { state } = counterStore({ restore: true })
    state().relabel('b')
    state().undo()
    expect(state().label).toBe('a!')
  })

  it('clears, and rewrites saved snapshots without a step', () => {
    const { store, state } = counterStore()
    state().relabel('b')
    state().relabel('c')
    store.history.rewrite((snapshot) => ({ ...snapshot, label: snapshot.label.toUpperCase() }))
    expect(store.history.depth()).toEqual({ past: 2, future: 0 })
    state().undo()
    expect(state().label).toBe('B')
    store.history.clear()
    expect(state()).toMatchObject({ canUndo: false, canRedo: false })
    expect(store.history.depth()).toEqual({ past: 0, future: 0 })
  })

  it('gives each store its own history', () => {
    const one = counterStore()
    const two = counterStore()
    one.state().add(1)
    expect(two.state().canUndo).toBe(false)
    two.state().undo()
    expect(one.state().count).toBe(1)
  })
})
