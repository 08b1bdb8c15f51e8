import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'

import { DeleteEntryDialog } from './DeleteEntryDialog'
import { FileTable } from './FileTable'
import { FolderBreadcrumbs } from './FolderBreadcrumbs'
import { NewFolderDialog } from './NewFolderDialog'
import { PathDialog } from './PathDialog'
import { UploadPanel } from './UploadPanel'
import { useFolder } from '../api/get-folder'
import { useUploads } from '../hooks/use-uploads'
import { normalisePath } from '../model/paths'
import { FILE_PAGE_SIZE, type FileEntry } from '../types'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { Pagination } from '@/components/Pagination'
import { isApiError } from '@/lib/api-client'
import '../workspace.css'

type Shown = { name: string; location: string }

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * `/files?path=sub/dir`: the user's workspace, one folder at a time. Upload (the button or a drop
 * anywhere on the folder), download, new folder, delete, and "copy path": the absolute location a
 * stop's path property takes.
 */
export function FilesPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const folder = normalisePath(params.get('path') ?? '')
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const listing = useFolder({ path: folder, page })
  const uploads = useUploads()
  const [notice, setNotice] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<FileEntry | null>(null)
  const [shown, setShown] = useState<Shown | null>(null)
  const [dragging, setDragging] = useState(false)

  const go = (path: string, pageNumber = 1) => {
    const next: Record<string, string> = {}
    if (path) next.path = path
    if (pageNumber > 1) next.page = String(pageNumber)
    setParams(next)
  }
  const open = (path: string) => go(path)

  const copyPath = async (name: string, location: string) => {
    try {
      await navigator.clipboard.writeText(location)
      setNotice(t('workspace.copied', { location }))
    } catch {
      setShown({ name, location }) // no clipboard (plain http): show it to copy by hand
    }
  }

  const chooseFiles = (files: FileList | null) => {
    if (files && files.length > 0) uploads.start(Array.from(files), folder)
  }

  const dropZone = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      setDragging(true)
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault()
      setDragging(false)
      chooseFiles(event.dataTransfer.files)
    },
  }

  const folderName = folder || t('workspace.root')
  const missing = isApiError(listing.error, 404)

  return (
    <>
      <PageHeader
        title={t('workspace.title')}
        subtitle={t('workspace.subtitle')}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setCreating(true)} disabled={missing}>
              {t('workspace.newFolder')}
            </button>
            <label className={`btn btn-primary${missing ? ' disabled' : ''}`}>
              {t('workspace.upload')}
              <input
                type="file"
                multiple
                className="visually-hidden"
                aria-label={t('workspace.uploadFiles')}
                disabled={missing}
                onChange={(event) => {
                  chooseFiles(event.target.files)
                  event.target.value = ''
                }}
              />
            </label>
          </>
        }
      />
      {notice && (
        <div className="banner banner-success" role="status">
          <span>{notice}</span>
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      <div
        className={`card files-drop${dragging ? ' files-dragging' : ''}`}
        data-testid="files-drop-zone"
        {...(missing ? {} : dropZone)}
      >
        <div className="toolbar">
          <FolderBreadcrumbs path={folder} onOpen={open} />
          {listing.isFetching && !listing.isPending && <span className="spinner" aria-hidden="true" />}
        </div>
        {listing.data && !missing && (
          <div className="files-location">
            <span className="muted">{t('workspace.location')}</span>
            <code>{listing.data.location}</code>
            <button
              type="button"
              className="btn btn-small"
              aria-label={t('workspace.copyFolderPath')}
              onClick={() => void copyPath(folderName, listing.data.location)}
            >
              {t('workspace.copyPath')}
            </button>
          </div>
        )}
        <UploadPanel
          uploads={uploads.uploads}
          onReplace={uploads.replace}
          onCancel={uploads.cancel}
          onDismiss={uploads.dismiss}
          onClearFinished={uploads.clearFinished}
        />
        {dragging && (
          <div className="files-drop-hint" aria-hidden="true">
            {t('workspace.dropHere', { folder: folderName })}
          </div>
        )}
        {listing.isPending ? (
          <Loading />
        ) : missing ? (
          <div className="empty-state">
            <p>{t('workspace.notFound')}</p>
            <button type="button" className="btn" onClick={() => open('')}>
              {t('workspace.backToRoot')}
            </button>
          </div>
        ) : listing.isError ? (
          <ErrorBanner error={listing.error} />
        ) : listing.data && listing.data.results.length > 0 ? (
          <>
            <FileTable
              entries={listing.data.results}
              onOpen={open}
              onCopyPath={(entry) => void copyPath(entry.name, entry.location)}
              onDelete={setDeleting}
            />
            <Pagination page={page} pageSize={FILE_PAGE_SIZE} count={listing.data.count} onPage={(next) => go(folder, next)} />
          </>
        ) : (
          <div className="empty-state">
            <p>{t('workspace.empty')}</p>
          </div>
        )}
        {!missing && <p className="muted files-drop-note">{t('workspace.dropHint')}</p>}
      </div>
      {creating && (
        <NewFolderDialog
          folder={folder}
          onClose={() => setCreating(false)}
          onCreated={(name) => setNotice(t('workspace.folderCreated', { name }))}
        />
      )}
      {deleting && (
        <DeleteEntryDialog
          entry={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => setNotice(t('workspace.deleted', { name: deleting.name }))}
        />
      )}
      {shown && <PathDialog name={shown.name} location={shown.location} onClose={() => setShown(null)} />}
    </>
  )
}
