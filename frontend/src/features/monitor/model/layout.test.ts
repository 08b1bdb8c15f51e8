import { describe, expect, it } from 'vitest'

import { layeredLayout, layersOf, positionsFor } from './layout'

const opts = { columnWidth: 100, rowHeight: 50 }

describe('layered layout', () => {
  it('puts a chain left to right on one row', () => {
    const at = layeredLayout(['A', 'B', 'C'], [{ from: 'A', to: 'B' }, { from: 'B', to: 'C' }], opts)
    expect(at).toEqual({ A: { x: 0, y: 0 }, B: { x: 100, y: 0 }, C: { x: 200, y: 0 } })
  })

  it('places a stop one layer right of its furthest upstream stop', () => {
    // A -> B -> D and A -> D: D waits for B
    const layers = layersOf(['A', 'B', 'D'], [{ from: 'A', to: 'D' }, { from: 'A', to: 'B' }, { from: 'B', to: 'D' }])
    expect(Object.fromEntries(layers)).toEqual({ A: 0, B: 1, D: 2 })
  })

  it('spreads a fork vertically and centres the shorter layers', () => {
    const edges = [
      { from: 'Read', to: 'Fork' },
      { from: 'Fork', to: 'Left' },
      { from: 'Fork', to: 'Right' },
      { from: 'Left', to: 'Merge' },
      { from: 'Right', to: 'Merge' },
    ]
    const at = layeredLayout(['Read', 'Fork', 'Left', 'Right', 'Merge'], edges, opts)
    expect(at.Left).toEqual({ x: 200, y: 0 })
    expect(at.Right).toEqual({ x: 200, y: 50 })
    expect(at.Read).toEqual({ x: 0, y: 25 })
    expect(at.Merge).toEqual({ x: 300, y: 25 })
  })

  it('orders a layer by its upstream stops so paths do not cross', () => {
    // B2 is listed first but its source sits below B1's
    const edges = [
      { from: 'A1', to: 'B1' },
      { from: 'A2', to: 'B2' },
    ]
    const at = layeredLayout(['A1', 'A2', 'B2', 'B1'], edges, opts)
    expect(at.B1!.y).toBeLessThan(at.B2!.y)
  })

  it('survives cycles, self-loops, unknown stops and isolated stops', () => {
    const edges = [
      { from: 'A', to: 'B' },
      { from: 'B', to: 'C' },
      { from: 'C', to: 'B' },
      { from: 'D', to: 'D' },
      { from: 'ghost', to: 'A' },
    ]
    const at = layeredLayout(['A', 'B', 'C', 'D'], edges, opts)
    expect(Object.keys(at).sort()).toEqual(['A', 'B', 'C', 'D'])
    expect(at.A!.x).toBe(0)
    expect(at.D!.x).toBe(0)
    expect(at.B!.x).toBeGreaterThan(at.A!.x)
    const taken = new Set(Object.values(at).map(({ x, y }) => `${x},${y}`))
    expect(taken.size).toBe(4) // nothing drawn on top of anything else
  })

  it('lays out a thousand stops quickly', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `s${i}`)
    const edges = names.slice(1).map((name, i) => ({ from: names[Math.floor(i / 2)]!, to: name }))
    const started = performance.now()
    const at = layeredLayout(names, edges)
    expect(Object.keys(at)).toHaveLength(1000)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('positionsFor', () => {
  it("uses the flow's positions when it has one for every stop", () => {
    const saved = { A: { x: 10, y: 20 }, B: { x: 300, y: 20 } }
    expect(positionsFor(['A', 'B'], [{ from: 'A', to: 'B' }], saved, opts)).toEqual(saved)
  })

  it('falls back to the layered layout when a stop has no position', () => {
    const saved = { A: { x: 10, y: 20 } }
    expect(positionsFor(['A', 'B'], [{ from: 'A', to: 'B' }], saved, opts)).toEqual({
      A: { x: 0, y: 0 },
      B: { x: 100, y: 0 },
    })
    expect(positionsFor(['A'], [], null, opts)).toEqual({ A: { x: 0, y: 0 } })
  })
})
