import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Dialog } from '@/components/Dialog'
import { Field } from '@/components/Field'
import type { StopNodeData } from '@/features/canvas-core'
import { portNameProblem, suggestPort, type NameProblem } from '../model/naming'
import type { NewPath } from '../store/editor-store'
import { SqlEditor } from './SqlEditor'

/** A path drawn from or to an "add a port" handle, waiting for the names the user gives it. */
export type PendingConnection = {
  source: StopNodeData
  target: StopNodeData
  /** Ask for the outport's name (Fork's `Any`), or a name and a condition (Route); `null`: `outport`. */
  askOut: 'any' | 'route' | null
  outport: string
  /** Ask for the inport's name (Merge's `Any`); else `inport`. */
  askIn: boolean
  inport: string
  /** Inports of the target already taken by a path. */
  takenIn: string[]
}

type Props = {
  pending: PendingConnection
  onCancel: () => void
  onConfirm: (path: NewPath) => void
}

/** Names a new port (Fork, Merge, ExecuteSQL, Union) or a Route condition as the path is drawn. */
export function PortDialog({ pending, onCancel, onConfirm }: Props) {
  const { t } = useTranslation()
  const { source, target, askOut, askIn } = pending
  const routeTaken = new Set(Object.keys(source.customizedProperties))
  const [outport, setOutport] = useState(() =>
    askOut === 'route'
      ? suggestPort('route', routeTaken)
      : askOut === 'any'
        ? suggestPort('out', source.outputs.map((h) => h.port))
        : pending.outport,
  )
  const [condition, setCondition] = useState('')
  const [inport, setInport] = useState(() =>
    askIn ? suggestPort('in', [...pending.takenIn, ...target.inputs.map((h) => h.port)]) : pending.inport,
  )
  const [submitted, setSubmitted] = useState(false)

  const outProblem: NameProblem | null = askOut
    ? portNameProblem(outport, askOut === 'route' ? routeTaken : new Set())
    : null
  const inProblem: NameProblem | null = askIn ? portNameProblem(inport, new Set(pending.takenIn)) : null
  const conditionMissing = askOut === 'route' && condition.trim() === ''
  const message = (problem: NameProblem | null) => (problem ? [t(`canvas.portDialog.problem.${problem}`)] : undefined)

  const submit = () => {
    setSubmitted(true)
    if (outProblem || inProblem || conditionMissing) return
    onConfirm({
      from: source.name,
      outport: outport.trim(),
      inport: inport.trim(),
      to: target.name,
      ...(askOut === 'route' ? { condition: condition.trim() } : {}),
    })
  }

  const title =
    askOut === 'route' ? t('canvas.portDialog.routeTitle', { stop: source.name }) : t('canvas.portDialog.title')

  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="port-dialog-form" className="btn btn-primary">
            {t('canvas.portDialog.connect')}
          </button>
        </>
      }
    >
      <form
        id="port-dialog-form"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <p className="muted">{t('canvas.portDialog.path', { from: source.name, to: target.name })}</p>
        {askOut && (
          <Field
            label={askOut === 'route' ? t('canvas.portDialog.routePort') : t('canvas.portDialog.outport', { stop: source.name })}
            hint={askOut === 'route' ? t('canvas.portDialog.routePortHint') : t('canvas.portDialog.outportHint')}
            errors={submitted ? message(outProblem) : undefined}
            required
          >
            {(id, describedBy) => (
              <input id={id} aria-describedby={describedBy} value={outport} onChange={(e) => setOutport(e.target.value)} />
            )}
          </Field>
        )}
        {askOut === 'route' && (
          <Field
            label={t('canvas.portDialog.condition')}
            hint={t('canvas.portDialog.conditionHint')}
            errors={submitted && conditionMissing ? [t('canvas.portDialog.problem.empty')] : undefined}
            required
          >
            {(id) => <SqlEditor id={id} value={condition} onChange={setCondition} minHeight="80px" />}
          </Field>
        )}
        {askIn && (
          <Field
            label={t('canvas.portDialog.inport', { stop: target.name })}
            hint={t('canvas.portDialog.inportHint')}
            errors={submitted ? message(inProblem) : undefined}
            required
          >
            {(id, describedBy) => (
              <input id={id} aria-describedby={describedBy} value={inport} onChange={(e) => setInport(e.target.value)} />
            )}
          </Field>
        )}
      </form>
    </Dialog>
  )
}
