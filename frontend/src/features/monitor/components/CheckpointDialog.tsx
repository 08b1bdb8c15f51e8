import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import type { Process } from '@/features/processes'
import { useCheckpoints } from '../api/get-checkpoints'
import { useResumeProcess } from '../api/resume-process'

type Props = {
  processId: string
  onClose: () => void
  onStarted: (process: Process) => void
}

/** "Run from checkpoint": the stops this run checkpointed, ticked by default; starts a new run loading the ticked ones. */
export function CheckpointDialog({ processId, onClose, onStarted }: Props) {
  const { t } = useTranslation()
  const checkpoints = useCheckpoints(processId, true)
  const resume = useResumeProcess()
  // Unticked stops (so every checkpoint starts ticked, whenever the list arrives).
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set())
  const names = checkpoints.data?.checkpoints ?? []
  const ticked = names.filter((name) => !unticked.has(name))

  const toggle = (name: string) =>
    setUnticked((old) => {
      const next = new Set(old)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })
  const start = () =>
    resume.mutate({ id: processId, checkpoints: ticked }, { onSuccess: (process) => onStarted(process) })

  return (
    <Dialog
      title={t('monitor.checkpoints.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={ticked.length === 0 || resume.isPending}
            onClick={start}
          >
            {resume.isPending ? t('monitor.checkpoints.starting') : t('monitor.checkpoints.start')}
          </button>
        </>
      }
    >
      {checkpoints.isPending ? (
        <Loading />
      ) : checkpoints.isError ? (
        <ErrorBanner error={checkpoints.error} />
      ) : names.length === 0 ? (
        <p>{t('monitor.checkpoints.none')}</p>
      ) : (
        <>
          <p>{t('monitor.checkpoints.intro')}</p>
          <fieldset className="monitor-checkpoints">
            <legend className="visually-hidden">{t('monitor.checkpoints.title')}</legend>
            <label className="monitor-checkpoint monitor-checkpoint-all">
              <input
                type="checkbox"
                checked={ticked.length === names.length}
                onChange={(event) => setUnticked(event.target.checked ? new Set() : new Set(names))}
              />
              {t('monitor.checkpoints.selectAll')}
            </label>
            {names.map((name) => (
              <label key={name} className="monitor-checkpoint">
                <input type="checkbox" checked={!unticked.has(name)} onChange={() => toggle(name)} />
                {name}
              </label>
            ))}
          </fieldset>
          {ticked.length === 0 && <p className="muted">{t('monitor.checkpoints.pick')}</p>}
        </>
      )}
      <ErrorBanner error={resume.error} title={t('monitor.actions.failed')} />
    </Dialog>
  )
}
