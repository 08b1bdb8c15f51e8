import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useCreateFlow } from '../api/create-flow'
import { useUpdateFlow } from '../api/update-flow'
import { DEFAULT_FLOW_INFO, type Flow, type FlowInfo } from '../types'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Field } from '@/components/Field'
import { isApiError } from '@/lib/api-client'

type Props = {
  /** The flow to edit; a new flow when left out. */
  flow?: Flow
  onClose: () => void
  onSaved?: (flow: Flow) => void
  /** Called when a 409 says someone else saved first. */
  onConflict?: () => void
}

const MEMORY = /^\d+[kmgt]?$/i

/** Create a flow, or edit its name, description and Spark resources. */
export function FlowFormDialog({ flow, onClose, onSaved, onConflict }: Props) {
  const { t } = useTranslation()
  const [info, setInfo] = useState<FlowInfo>(() =>
    flow
      ? {
          name: flow.name,
          description: flow.description,
          driver_memory: flow.driver_memory,
          executor_number: flow.executor_number,
          executor_memory: flow.executor_memory,
          executor_cores: flow.executor_cores,
        }
      : DEFAULT_FLOW_INFO,
  )
  const create = useCreateFlow()
  const update = useUpdateFlow()
  const mutation = flow ? update : create
  const set = <K extends keyof FlowInfo>(key: K, value: FlowInfo[K]) => setInfo((old) => ({ ...old, [key]: value }))

  const local: Partial<Record<keyof FlowInfo, string[]>> = {}
  if (!MEMORY.test(info.driver_memory)) local.driver_memory = [t('flows.form.memoryFormat')]
  if (!MEMORY.test(info.executor_memory)) local.executor_memory = [t('flows.form.memoryFormat')]
  if (!(info.executor_number >= 1)) local.executor_number = [t('flows.form.atLeastOne')]
  if (!(info.executor_cores >= 1)) local.executor_cores = [t('flows.form.atLeastOne')]
  const valid = info.name.trim() !== '' && Object.keys(local).length === 0

  const server = isApiError(mutation.error, 400) ? mutation.error.fields : {}
  const errors = (key: keyof FlowInfo) => [...(local[key] ?? []), ...(server[key] ?? [])]
  const conflict = isApiError(mutation.error, 409)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!valid) return
    const fields = { ...info, name: info.name.trim() }
    const done = {
      onSuccess: (saved: Flow) => {
        onSaved?.(saved)
        onClose()
      },
    }
    if (flow) update.mutate({ id: flow.id, revision: flow.revision, fields }, done)
    else create.mutate(fields, done)
  }

  return (
    <Dialog
      title={flow ? t('flows.form.editTitle') : t('flows.form.createTitle')}
      onClose={onClose}
      width="wide"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="flow-form" className="btn btn-primary" disabled={!valid || mutation.isPending}>
            {mutation.isPending ? t('common.saving') : flow ? t('common.save') : t('flows.form.create')}
          </button>
        </>
      }
    >
      <form id="flow-form" onSubmit={onSubmit} noValidate>
        <Field label={t('flows.form.name')} errors={errors('name')} required>
          {(id, describedBy) => (
            <input
              id={id}
              name="name"
              value={info.name}
              maxLength={200}
              onChange={(e) => set('name', e.target.value)}
              aria-describedby={describedBy}
              required
            />
          )}
        </Field>
        <Field label={t('flows.form.description')} errors={errors('description')}>
          {(id, describedBy) => (
            <textarea
              id={id}
              name="description"
              rows={3}
              value={info.description}
              onChange={(e) => set('description', e.target.value)}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>{t('flows.form.resources')}</legend>
          <div className="grid grid-2">
            <Field label={t('flows.form.driverMemory')} errors={errors('driver_memory')} hint={t('flows.form.memoryHint')}>
              {(id, describedBy) => (
                <input
                  id={id}
                  name="driverMemory"
                  value={info.driver_memory}
                  onChange={(e) => set('driver_memory', e.target.value.trim())}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <Field label={t('flows.form.executorNumber')} errors={errors('executor_number')}>
              {(id, describedBy) => (
                <input
                  id={id}
                  name="executorNumber"
                  type="number"
                  min={1}
                  value={info.executor_number}
                  onChange={(e) => set('executor_number', e.target.valueAsNumber)}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <Field label={t('flows.form.executorMemory')} errors={errors('executor_memory')} hint={t('flows.form.memoryHint')}>
              {(id, describedBy) => (
                <input
                  id={id}
                  name="executorMemory"
                  value={info.executor_memory}
                  onChange={(e) => set('executor_memory', e.target.value.trim())}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <Field label={t('flows.form.executorCores')} errors={errors('executor_cores')}>
              {(id, describedBy) => (
                <input
                  id={id}
                  name="executorCores"
                  type="number"
                  min={1}
                  value={info.executor_cores}
                  onChange={(e) => set('executor_cores', e.target.valueAsNumber)}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
          </div>
        </fieldset>
        {conflict ? (
          <div className="banner banner-warning" role="alert">
            <span>{t('flows.form.conflict')}</span>
            {onConflict && (
              <button type="button" className="btn btn-small" onClick={onConflict}>
                {t('common.reload')}
              </button>
            )}
          </div>
        ) : (
          !isApiError(mutation.error, 400) || Object.keys(server).length === 0 ? <ErrorBanner error={mutation.error} /> : null
        )}
      </form>
    </Dialog>
  )
}
