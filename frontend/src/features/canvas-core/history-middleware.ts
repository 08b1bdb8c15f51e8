/**
 * Undo and redo as a zustand middleware, for any canvas's store (the flow editor's, the group
 * canvas's): it keeps snapshots of a chosen slice of the state, at most `limit` of them, and adds
 * `undo`, `redo`, `canUndo` and `canRedo` to the state.
 *
 * The store decides what a step is: its actions call `store.history.record(key?)` just before an
 * edit. Snapshots are the slice's objects as they were (zustand state is never mutated), so a
 * snapshot that shares unchanged nodes with the next one costs one array of references.
 *
 * ```ts
 * const store = createStore<State>()(
 *   history({ pick: (s) => ({ text: s.text }) }, (set, get, api) => ({
 *     text: '',
 *     type: (text) => {
 *       api.history.record('text')
 *       set({ text })
 *     },
 *   })),
 * )
 * ```
 */
import type { StateCreator, StoreMutatorIdentifier } from 'zustand/vanilla'

/** What the middleware adds to the state. */
export type Undoable = {
  /** There is a step to undo. */
  canUndo: boolean
  /** There is a step to redo. */
  canRedo: boolean
  undo: () => void
  redo: () => void
}

export type HistoryOptions<T, Slice> = {
  /** The part of the state a step saves and puts back. */
  pick: (state: T) => Slice
  /** The state to set when `snapshot` comes back; by default the snapshot itself. */
  restore?: (snapshot: Slice, state: T) => Partial<T>
  /** The most steps kept; the oldest go first. */
  limit?: number
  /** Edits to one key closer together than this (ms) are one step: a burst of typing. */
  coalesceMs?: number
  /** The clock (tests pass their own). */
  now?: () => number
}

/** What the store's actions (and whoever holds the store) use to write the history: `store.history`. */
export type HistoryControls<Slice> = {
  /**
   * Save the current slice as a step, before an edit, and forget the redo steps. With `key`, an
   * edit that continues the last one to the same key (within `coalesceMs`) saves nothing new.
   */
  record: (key?: string) => void
  /** Forget every step (a newly loaded document). */
  clear: () => void
  /** Apply `update` to every saved snapshot (a change that must not be undone, such as new labels). */
  rewrite: (update: (snapshot: Slice) => Slice) => void
  /** How many steps undo and redo have. */
  depth: () => { past: number; future: number }
}

export const DEFAULT_HISTORY_LIMIT = 100
export const DEFAULT_COALESCE_MS = 1000

type Write<T, U> = Omit<T, keyof U> & U

declare module 'zustand/vanilla' {
  interface StoreMutators<S, A> {
    'piflow/history': Write<S, { history: HistoryControls<A> }>
  }
}

type History = <
  T extends Undoable,
  Slice extends Partial<T>,
  Mps extends [StoreMutatorIdentifier, unknown][] = [],
  Mcs extends [StoreMutatorIdentifier, unknown][] = [],
>(
  options: HistoryOptions<T, Slice>,
  initializer: StateCreator<T, [...Mps, ['piflow/history', Slice]], Mcs, Omit<T, keyof Undoable>>,
) => StateCreator<T, Mps, [['piflow/history', Slice], ...Mcs]>

function historyImpl<T extends Undoable, Slice extends Partial<T>>(
  options: HistoryOptions<T, Slice>,
  initializer: StateCreator<T, [], [], Omit<T, keyof Undoable>>,
): StateCreator<T, [], []> {
  return (set, get, api) => {
    const { pick, limit = DEFAULT_HISTORY_LIMIT, coalesceMs = DEFAULT_COALESCE_MS, now = Date.now } = options
    const restore = options.restore ?? ((snapshot: Slice): Partial<T> => snapshot)
    /** Oldest first; `future`'s next redo step is its last. */
    let past: Slice[] = []
    let future: Slice[] = []
    let lastEdit: { key: string; at: number } | null = null

    const flags = () => ({ canUndo: past.length > 0, canRedo: future.length > 0 })
    /** Tell subscribers when `canUndo` or `canRedo` changed. */
    const publish = () => {
      const next = flags()
      const state = get()
      if (state.canUndo !== next.canUndo || state.canRedo !== next.canRedo) set(next as Partial<T>)
    }

    /** Move one step from `from` to `to`, saving the current slice in `to`, and put the step back. */
    const step = (from: Slice[], to: Slice[]) => {
      const snapshot = from.pop()
      if (snapshot === undefined) return
      to.push(pick(get()))
      lastEdit = null
      set({ ...restore(snapshot, get()), ...flags() })
    }

    const controls: HistoryControls<Slice> = {
      record: (key) => {
        const at = now()
        const continues = key !== undefined && lastEdit?.key === key && at - lastEdit.at < coalesceMs
        lastEdit = key === undefined ? null : { key, at }
        if (continues) return
        past.push(pick(get()))
        if (past.length > limit) past.shift()
        future = []
        publish()
      },
      clear: () => {
        past = []
        future = []
        lastEdit = null
        publish()
      },
      rewrite: (update) => {
        past = past.map(update)
        future = future.map(update)
      },
      depth: () => ({ past: past.length, future: future.length }),
    }
    Object.assign(api, { history: controls })

    const state = initializer(set, get, api as never)
    return {
      ...state,
      canUndo: false,
      canRedo: false,
      undo: () => step(past, future),
      redo: () => step(future, past),
    } as T
  }
}

/**
 * The middleware: `createStore<T>()(history({ pick, ... }, initializer))`; the store gets `.history`.
 * (The options come first so that TypeScript infers the slice from `pick` before it types `api`.)
 */
export const history = historyImpl as unknown as History
