import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { FilesPage } from './components/FilesPage'
import type { FileEntry, FolderPage } from './types'
import { changeLanguage } from '@/i18n'
import { mockFetch, renderRoutes } from '@/test/render'

const ROOT = '/data/files/1'

function entry(path: string, fields: Partial<FileEntry> = {}): FileEntry {
  const name = path.split('/').pop() ?? path
  return {
    name,
    path,
    is_dir: false,
    size: 2048,
    modified: '2026-03-04T05:06:07Z',
    location: `${ROOT}/${path}`,
    ...fields,
  }
}

const FOLDERS: Record<string, FileEntry[]> = {
  '': [entry('in', { is_dir: true, size: null }), entry('people.csv')],
  in: [entry('in/jan.csv', { size: 10 })],
}

function page(path: string): FolderPage {
  const results = FOLDERS[path] ?? []
  return { path, location: path ? `${ROOT}/${path}` : ROOT, count: results.length, next: null, previous: null, results }
}

/** The folder listing as the server answers it; other calls as `other` says. */
function serve(other: (url: URL, init: RequestInit) => { status?: number; body?: unknown } | undefined = () => undefined) {
  return mockFetch((url, init) => {
    const answer = other(url, init)
    if (answer) return answer
    if (url.pathname === '/api/files/' && (init.method ?? 'GET') === 'GET') {
      const path = url.searchParams.get('path') ?? ''
      return path in FOLDERS ? { body: page(path) } : { status: 404, body: { error: `there is no '${path}'` } }
    }
    return undefined
  })
}

/** XMLHttpRequest as the upload uses it: the test decides on progress and on the answer. */
class FakeUpload {
  static sent: FakeUpload[] = []
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  statusText = ''
  responseText = ''
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = {
    onprogress: null,
  }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }

  send(body: FormData) {
    this.body = body
    FakeUpload.sent.push(this)
  }

  abort() {
    this.onabort?.()
  }

  /** The name of the file sent. */
  get fileName(): string | null {
    const file = this.body?.get('file')
    return file instanceof File ? file.name : null
  }

  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ loaded, total, lengthComputable: true }))
  }

  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    act(() => this.onload?.())
  }
}

const routes = [{ path: '/files', element: <FilesPage /> }]

function csv(name = 'new.csv', size = 1000): File {
  return new File(['x'.repeat(size)], name, { type: 'text/csv' })
}

beforeEach(async () => {
  FakeUpload.sent = []
  vi.stubGlobal('XMLHttpRequest', FakeUpload)
  document.cookie = 'csrftoken=tok123; path=/'
  await changeLanguage('en')
})

afterEach(() => vi.unstubAllGlobals())

describe('the Files page', () => {
  it('lists the folder with sizes and dates, and walks into folders and back by the breadcrumbs', async () => {
    const fetch = serve()
    const { router } = renderRoutes(routes, '/files')

    const row = (await screen.findByText('people.csv')).closest('tr')!
    expect(within(row).getByText('2.0 KB')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: 'Download people.csv' })).toHaveAttribute(
      'href',
      '/api/files/download/?path=people.csv',
    )
    expect(screen.getByText(ROOT)).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Open folder in' }))
    expect(await screen.findByText('jan.csv')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?path=in')
    expect(fetch.calls().some(({ url }) => url.searchParams.get('path') === 'in')).toBe(true)
    const trail = screen.getByRole('navigation', { name: 'Breadcrumbs' })
    expect(within(trail).getByText('in')).toHaveAttribute('aria-current', 'page')

    await userEvent.click(within(trail).getByRole('button', { name: 'Workspace' }))
    expect(await screen.findByText('people.csv')).toBeInTheDocument()
    expect(router.state.location.search).toBe('')
  })

  it('says so when the folder in the address does not exist', async () => {
    serve()
    renderRoutes(routes, '/files?path=gone')
    expect(await screen.findByText('This folder does not exist (any more).')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Back to the workspace' }))
    expect(await screen.findByText('people.csv')).toBeInTheDocument()
  })

  it('uploads chosen files into the open folder, showing their progress', async () => {
    const fetch = serve()
    renderRoutes(routes, '/files?path=in')
    await screen.findByText('jan.csv')
    const listed = fetch.calls().length

    await userEvent.upload(screen.getByLabelText('Files to upload'), csv())
    const upload = FakeUpload.sent[0]!
    expect(upload.method).toBe('POST')
    expect(upload.url).toBe('/api/files/upload/')
    expect(upload.headers['X-CSRFToken']).toBe('tok123')
    expect(upload.body?.get('path')).toBe('in')
    expect(upload.body?.get('overwrite')).toBe('false')
    expect(upload.fileName).toBe('new.csv')

    upload.progress(250, 1000)
    const uploads = screen.getByRole('region', { name: 'Uploads' })
    expect(within(uploads).getByText('Uploading…')).toBeInTheDocument()
    expect(within(uploads).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25')

    upload.answer(201, entry('in/new.csv'))
    expect(await within(uploads).findByText('Uploaded')).toBeInTheDocument()
    await waitFor(() => expect(fetch.calls().length).toBeGreaterThan(listed)) // the folder is listed again
  })

  it('uploads files dropped on the folder', async () => {
    serve()
    renderRoutes(routes, '/files')
    await screen.findByText('people.csv')
    const zone = screen.getByTestId('files-drop-zone')
    const files = [csv('a.csv'), csv('b.csv')]

    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files } })
    expect(screen.getByText('Drop to upload into Workspace')).toBeInTheDocument()
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files } })

    expect(FakeUpload.sent.map((sent) => sent.fileName)).toEqual(['a.csv', 'b.csv'])
    expect(FakeUpload.sent.every((sent) => sent.body?.get('path') === '')).toBe(true)
    expect(screen.queryByText('Drop to upload into Workspace')).toBeNull()
  })

  it('offers to replace a file that is already there', async () => {
    serve()
    renderRoutes(routes, '/files')
    await screen.findByText('people.csv')

    await userEvent.upload(screen.getByLabelText('Files to upload'), csv('people.csv'))
    FakeUpload.sent[0]!.answer(409, { error: "'people.csv' already exists", path: 'people.csv', exists: true })
    const uploads = screen.getByRole('region', { name: 'Uploads' })
    expect(await within(uploads).findByText(/A file named “people.csv” is already here./)).toBeInTheDocument()

    await userEvent.click(within(uploads).getByRole('button', { name: 'Replace it' }))
    expect(FakeUpload.sent).toHaveLength(2)
    expect(FakeUpload.sent[1]!.body?.get('overwrite')).toBe('true')
    FakeUpload.sent[1]!.answer(201, entry('people.csv'))
    expect(await within(uploads).findByText('Uploaded')).toBeInTheDocument()
  })

  it('says how large a file may be when the server refuses one as too large', async () => {
    serve()
    renderRoutes(routes, '/files')
    await screen.findByText('people.csv')
    await userEvent.upload(screen.getByLabelText('Files to upload'), csv('huge.csv'))
    FakeUpload.sent[0]!.answer(413, { error: 'the file is larger than the upload limit', limit: 100 * 1024 * 1024 })
    const uploads = screen.getByRole('region', { name: 'Uploads' })
    expect(await within(uploads).findByText('Not uploaded')).toBeInTheDocument()
    expect(within(uploads).getByText('The file is too large: at most 100 MB may be uploaded at once.')).toBeInTheDocument()
  })

  it("shows the server's reason for any other refused upload, and cancels one on the way", async () => {
    serve()
    renderRoutes(routes, '/files')
    await screen.findByText('people.csv')
    await userEvent.upload(screen.getByLabelText('Files to upload'), [csv('data[1].csv'), csv('slow.csv')])
    FakeUpload.sent[0]!.answer(400, { error: "the name 'data[1].csv' holds [ ], which Spark would read as a pattern" })
    const uploads = screen.getByRole('region', { name: 'Uploads' })
    expect(await within(uploads).findByText(/Spark would read as a pattern/)).toBeInTheDocument()

    await userEvent.click(within(uploads).getByRole('button', { name: 'Cancel' }))
    expect(await within(uploads).findByText('Cancelled')).toBeInTheDocument()
    await userEvent.click(within(uploads).getByRole('button', { name: 'Clear finished' }))
    expect(screen.queryByRole('region', { name: 'Uploads' })).toBeNull()
  })

  it('makes a new folder inside the open one', async () => {
    const fetch = serve((url, init) =>
      init.method === 'POST' && url.pathname === '/api/files/folders/'
        ? { status: 201, body: entry('in/2024', { is_dir: true, size: null }) }
        : undefined,
    )
    renderRoutes(routes, '/files?path=in')
    await screen.findByText('jan.csv')

    await userEvent.click(screen.getByRole('button', { name: 'New folder' }))
    const dialog = screen.getByRole('dialog', { name: 'New folder' })
    await userEvent.type(within(dialog).getByLabelText(/Folder name/), '2024')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fetch.calls().find(({ init }) => init.method === 'POST')?.body).toEqual({ path: 'in/2024' })
    expect(screen.getByText('Folder “2024” created.')).toBeInTheDocument()
  })

  it("shows the server's reason when a folder cannot be made", async () => {
    serve((_url, init) =>
      init.method === 'POST' ? { status: 409, body: { error: "'in' already exists", path: 'in' } } : undefined,
    )
    renderRoutes(routes, '/files')
    await screen.findByText('people.csv')
    await userEvent.click(screen.getByRole('button', { name: 'New folder' }))
    const dialog = screen.getByRole('dialog', { name: 'New folder' })
    await userEvent.type(within(dialog).getByLabelText(/Folder name/), 'in')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(await within(dialog).findByText("'in' already exists")).toBeInTheDocument()
  })

  it('deletes a folder with everything in it only after asking', async () => {
    const fetch = serve((_url, init) => (init.method === 'DELETE' ? { status: 204 } : undefined))
    renderRoutes(routes, '/files')
    await screen.findByText('people.csv')

    await userEvent.click(screen.getByRole('button', { name: 'Delete in' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete folder' })
    expect(within(dialog).getByText('Delete the folder “in” and everything in it? This cannot be undone.')).toBeInTheDocument()
    expect(fetch.calls().some(({ init }) => init.method === 'DELETE')).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const deleted = fetch.calls().find(({ init }) => init.method === 'DELETE')!
    expect(deleted.url.pathname).toBe('/api/files/')
    expect(Object.fromEntries(deleted.url.searchParams)).toEqual({ path: 'in', recursive: 'true' })
    expect(screen.getByText('“in” deleted.')).toBeInTheDocument()
  })

  it('deletes a file without the recursive flag', async () => {
    const fetch = serve((_url, init) => (init.method === 'DELETE' ? { status: 204 } : undefined))
    renderRoutes(routes, '/files')
    await userEvent.click(await screen.findByRole('button', { name: 'Delete people.csv' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete file' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(fetch.calls().some(({ init }) => init.method === 'DELETE')).toBe(true))
    const deleted = fetch.calls().find(({ init }) => init.method === 'DELETE')!
    expect(Object.fromEntries(deleted.url.searchParams)).toEqual({ path: 'people.csv' })
  })

  it("copies a file's absolute path, for a stop's path property", async () => {
    serve()
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    renderRoutes(routes, '/files')

    await userEvent.click(await screen.findByRole('button', { name: 'Copy the path of people.csv' }))

    expect(writeText).toHaveBeenCalledWith(`${ROOT}/people.csv`)
    expect(await screen.findByText(`Path copied: ${ROOT}/people.csv`)).toBeInTheDocument()
  })

  it('shows the path to copy by hand where the page may not write the clipboard', async () => {
    serve()
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    renderRoutes(routes, '/files')

    await userEvent.click(await screen.findByRole('button', { name: 'Copy the path of people.csv' }))

    const dialog = await screen.findByRole('dialog', { name: 'Path of people.csv' })
    expect(within(dialog).getByRole('textbox')).toHaveValue(`${ROOT}/people.csv`)
  })

  it('speaks Chinese', async () => {
    serve()
    await changeLanguage('zh-hans')
    renderRoutes(routes, '/files')
    expect(await screen.findByRole('button', { name: '复制 people.csv 的路径' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '文件' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '新建文件夹' })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: '修改时间' })).toBeInTheDocument()
    await changeLanguage('en')
  })
})
