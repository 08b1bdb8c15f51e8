import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { DEFAULT_FLOW_INFO } from '@/features/flows'
import { mockFetch, renderPage } from '@/test/render'
import { DESCRIPTORS, FILTER, MOCK_DATA } from '@/test/stop-descriptors'
import { FlowEditor } from './FlowEditor'
import { createEditorStore } from './store/editor-store'
import { useEditorStore } from './store/editor-store-context'
import { EditorStoreProvider } from './store/EditorStoreProvider'

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', NoResize)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** A flow as `GET /api/flows/<id>/` sends it. */
const flow = (id: number, name: string) => ({
  id,
  uuid: `uuid-${id}`,
  ...DEFAULT_FLOW_INFO,
  name,
  owner: 'ada',
  revision: 1,
  stops: [],
  paths: [],
  positions: {},
  checkpoints: [],
  environment: {},
  valid: true,
  problems: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
})

function serveFlows() {
  return mockFetch((url) => {
    if (url.pathname === '/api/flows/1/') return { body: flow(1, 'First flow') }
    if (url.pathname === '/api/flows/2/') return { body: flow(2, 'Second flow') }
    if (url.pathname === '/api/stops/') return { body: DESCRIPTORS }
    return undefined
  })
}

/** The editor whose toolbar shows `name`. */
async function editorNamed(name: string): Promise<HTMLElement> {
  const title = await screen.findByRole('heading', { name, level: 1 })
  const editor = title.closest<HTMLElement>('.flow-editor')
  if (!editor) throw new Error(`no editor around ${name}`)
  return editor
}

describe('editor stores', () => {
  /** Shows its editor's stop count, and adds a stop to it. */
  function Probe({ label }: { label: string }) {
    const count = useEditorStore((s) => s.nodes.length)
    const addStop = useEditorStore((s) => s.addStop)
    return (
      <section aria-label={label}>
        <output>{count}</output>
        <button type="button" onClick={() => addStop(FILTER, { x: 0, y: 0 })}>
          {'add'}
        </button>
      </section>
    )
  }

  it('are one per provider: what one editor does leaves the other alone', async () => {
    render(
      <>
        <EditorStoreProvider>
          <Probe label="one" />
        </EditorStoreProvider>
        <EditorStoreProvider>
          <Probe label="two" />
        </EditorStoreProvider>
      </>,
    )
    const one = within(screen.getByRole('region', { name: 'one' }))
    const two = within(screen.getByRole('region', { name: 'two' }))
    await userEvent.click(one.getByRole('button', { name: 'add' }))
    await userEvent.click(one.getByRole('button', { name: 'add' }))
    await userEvent.click(two.getByRole('button', { name: 'add' }))
    expect(one.getByRole('status')).toHaveTextContent('2')
    expect(two.getByRole('status')).toHaveTextContent('1')
  })

  it('can be made outside and handed to the provider', () => {
    const store = createEditorStore()
    render(
      <EditorStoreProvider store={store}>
        <Probe label="given" />
      </EditorStoreProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'add' }))
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['Filter'])
    expect(store.getState().canUndo).toBe(true)
    expect(screen.getByRole('status')).toHaveTextContent('1')
  })

  it('are required: a component outside a provider says so', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<Probe label="lost" />)).toThrow(/EditorStoreProvider/)
  })
})

describe('two flow editors on one page', () => {
  it('load their own flows and keep their edits, undo and saved state apart', async () => {
    serveFlows()
    const store = createEditorStore()
    renderPage(
      <>
        <FlowEditor flowId={1} store={store} />
        <FlowEditor flowId={2} />
      </>,
    )
    const first = await editorNamed('First flow')
    const second = await editorNamed('Second flow')
    expect(store.getState().info.name).toBe('First flow')

    // when: a stop is added to the first editor (double-click in its palette)
    const item = within(first).getByText(MOCK_DATA.name, { selector: '.palette-item-name' })
    fireEvent.doubleClick(item)

    // then: only the first has it, is unsaved and can undo
    await waitFor(() => expect(first.querySelectorAll('.react-flow__node')).toHaveLength(1))
    expect(second.querySelectorAll('.react-flow__node')).toHaveLength(0)
    expect(within(first).getByRole('status')).toHaveTextContent('Unsaved changes')
    expect(within(second).getByRole('status')).toHaveTextContent('All changes saved')
    expect(within(first).getByRole('button', { name: 'Undo' })).toBeEnabled()
    expect(within(second).getByRole('button', { name: 'Undo' })).toBeDisabled()
    expect(within(first).getByRole('heading', { name: 'MockData', level: 2 })).toBeInTheDocument()
    expect(within(second).getByRole('heading', { name: 'Flow', level: 2 })).toBeInTheDocument()
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['MockData'])

    // when: the user works in the second editor and presses Ctrl+Z
    fireEvent.pointerDown(within(second).getByRole('toolbar'))
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    // then: the first keeps its stop (the second had nothing to undo)
    expect(first.querySelectorAll('.react-flow__node')).toHaveLength(1)

    // when: the user goes back to the first and presses it again: the stop goes
    fireEvent.pointerDown(within(first).getByRole('toolbar'))
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(first.querySelectorAll('.react-flow__node')).toHaveLength(0))
    expect(store.getState().canRedo).toBe(true)
  })
})
