import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'

import { useDeleteProcess } from '../api/delete-process'
import { useRerunProcess } from '../api/rerun-process'
import { useStopProcess } from '../api/stop-process'
import { isFinished, type ProcessListItem } from '../types'
import { links } from '@/app/paths'
import { ActionMenu } from '@/components/ActionMenu'
import { ConfirmDialog } from '@/components/ConfirmDialog'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { ProgressBar } from '@/components/ProgressBar'
import { StateBadge } from '@/components/StateBadge'
import { formatDateTime } from '@/lib/format'

export function ProcessRow({ process }: { process: ProcessListItem }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [confirmDelete, setConfirmDelete] = useState(false)
  const stop = useStopProcess()
  const rerun = useRerunProcess()
  const remove = useDeleteProcess()
  const finished = isFinished(process.state)
  const actionError = stop.error ?? rerun.error

  return (
    <tr data-process-id={process.id}>
      <td>
        <Link to={links.process(process.id)} className="strong">
          {process.flow_name ?? process.name}
        </Link>
        {process.mode === 'DEBUG' && <span className="badge badge-debug">{t('processes.debugMode')}</span>}
        {process.error && (
          <div className="error-text clamp" title={process.error}>
            {process.error}
          </div>
        )}
      </td>
      <td>{t(`processes.trigger.${process.trigger}`, { defaultValue: process.trigger })}</td>
      <td className="nowrap">{formatDateTime(process.started_at ?? process.created_at, i18n.language)}</td>
      <td className="nowrap">{formatDateTime(process.ended_at, i18n.language)}</td>
      <td className="progress-col">
        <ProgressBar value={process.progress} state={process.state} />
      </td>
      <td>
        <StateBadge state={process.state} />
      </td>
      <td className="actions">
        <div className="row-actions">
          <Link to={links.process(process.id)} className="btn btn-small">
            {t('processes.action.open')}
          </Link>
          {finished ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={rerun.isPending}
              onClick={() => rerun.mutate(process.id, { onSuccess: (next) => navigate(links.process(next.id)) })}
            >
              {t('processes.action.rerun')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              disabled={stop.isPending || process.state === 'KILLED'}
              onClick={() => stop.mutate(process.id)}
            >
              {t('processes.action.stop')}
            </button>
          )}
          <ActionMenu
            label={t('common.more')}
            actions={[
              { label: t('processes.action.log'), onSelect: () => navigate(links.processLog(process.id)) },
              {
                label: t('processes.action.delete'),
                danger: true,
                disabled: !finished,
                onSelect: () => setConfirmDelete(true),
              },
            ]}
          />
        </div>
        {confirmDelete && (
          <ConfirmDialog
            title={t('processes.deleteTitle')}
            message={t('processes.deleteConfirm', { name: process.flow_name ?? process.name })}
            confirmLabel={remove.isPending ? t('common.deleting') : t('common.delete')}
            busy={remove.isPending}
            error={remove.error}
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => remove.mutate(process.id, { onSuccess: () => setConfirmDelete(false) })}
          />
        )}
        {actionError !== null && (
          <Dialog
            title={t('processes.actionFailed')}
            onClose={() => {
              stop.reset()
              rerun.reset()
            }}
          >
            <ErrorBanner error={actionError} />
          </Dialog>
        )}
      </td>
    </tr>
  )
}
