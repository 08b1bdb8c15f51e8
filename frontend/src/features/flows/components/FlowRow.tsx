import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'

import { DeleteFlowDialog } from './DeleteFlowDialog'
import { EditFlowDialog } from './EditFlowDialog'
import { RunErrorDialog } from './RunErrorDialog'
import { useDebugFlow } from '../api/debug-flow'
import { useExportFlow } from '../api/export-flow'
import { useRunFlow } from '../api/run-flow'
import type { FlowListItem } from '../types'
import { links } from '@/app/paths'
import { ActionMenu } from '@/components/ActionMenu'
import { formatDateTime } from '@/lib/format'

type Dialog = 'edit' | 'delete' | null

export function FlowRow({ flow, onNotice }: { flow: FlowListItem; onNotice: (message: string) => void }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [dialog, setDialog] = useState<Dialog>(null)
  const run = useRunFlow()
  const debug = useDebugFlow()
  const exporter = useExportFlow()
  const starting = run.isPending || debug.isPending
  const startError = run.error ?? debug.error

  const start = (mode: 'run' | 'debug') => {
    const mutation = mode === 'run' ? run : debug
    run.reset()
    debug.reset()
    mutation.mutate(flow.id, { onSuccess: (process) => navigate(links.process(process.id)) })
  }

  return (
    <tr data-flow-id={flow.id}>
      <td>
        <Link to={links.flowEdit(flow.id)} className="strong">
          {flow.name}
        </Link>
        {flow.description && <div className="muted clamp">{flow.description}</div>}
      </td>
      <td className="num">{flow.stop_count}</td>
      <td>
        {flow.stop_count === 0 ? (
          <span className="badge">{t('flows.noStops')}</span>
        ) : flow.valid ? (
          <span className="badge badge-ok">{t('flows.ready')}</span>
        ) : (
          <span className="badge badge-draft" title={flow.problems.map((p) => p.message).join('\n')}>
            {t('flows.problems', { count: flow.problems.length })}
          </span>
        )}
      </td>
      <td>{flow.owner}</td>
      <td className="nowrap">{formatDateTime(flow.updated_at, i18n.language)}</td>
      <td className="actions">
        <div className="row-actions">
          <Link to={links.flowEdit(flow.id)} className="btn btn-small">
            {t('flows.action.open')}
          </Link>
          <button type="button" className="btn btn-small btn-primary" disabled={starting} onClick={() => start('run')}>
            {t('flows.action.run')}
          </button>
          <button type="button" className="btn btn-small" disabled={starting} onClick={() => start('debug')}>
            {t('flows.action.debug')}
          </button>
          <ActionMenu
            label={t('common.more')}
            actions={[
              { label: t('flows.action.edit'), onSelect: () => setDialog('edit') },
              {
                label: t('flows.action.export'),
                disabled: exporter.isPending,
                onSelect: () =>
                  exporter.mutate(
                    { id: flow.id, name: flow.name },
                    { onError: () => onNotice(t('flows.exportFailed', { name: flow.name })) },
                  ),
              },
              { label: t('flows.action.delete'), danger: true, onSelect: () => setDialog('delete') },
            ]}
          />
        </div>
        {dialog === 'edit' && (
          <EditFlowDialog
            id={flow.id}
            onClose={() => setDialog(null)}
            onSaved={(saved) => onNotice(t('flows.saved', { name: saved.name }))}
          />
        )}
        {dialog === 'delete' && (
          <DeleteFlowDialog
            flow={flow}
            onClose={() => setDialog(null)}
            onDeleted={() => onNotice(t('flows.deleted', { name: flow.name }))}
          />
        )}
        {startError && (
          <RunErrorDialog
            flowName={flow.name}
            error={startError}
            onOpenCanvas={() => navigate(links.flowEdit(flow.id))}
            onClose={() => {
              run.reset()
              debug.reset()
            }}
          />
        )}
      </td>
    </tr>
  )
}
