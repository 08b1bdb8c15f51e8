import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Dialog } from '@/components/Dialog'
import { Field } from '@/components/Field'
import {
  isAcceptedNaming,
  namedPath,
  portNamingProblems,
  suggestedPortNames,
  type NameProblem,
  type NewPath,
  type PortNamingRequest,
} from '@/features/canvas-core'
import { SqlEditor } from './SqlEditor'

type Props = {
  request: PortNamingRequest
  onCancel: () => void
  onConfirm: (path: NewPath) => void
}

/**
 * Names a new port (Fork, Merge, ExecuteSQL, Union) or a Route condition as the path is drawn. The
 * rules (suggested names, what is refused) are canvas-core's `port-naming.ts`.
 */
export function PortDialog({ request, onCancel, onConfirm }: Props) {
  const { t } = useTranslation()
  const { source, target, askOut, askIn } = request
  const [suggested] = useState(() => suggestedPortNames(request))
  const [outport, setOutport] = useState(suggested.outport)
  const [condition, setCondition] = useState('')
  const [inport, setInport] = useState(suggested.inport)
  const [submitted, setSubmitted] = useState(false)

  const answer = { outport, inport, condition }
  const problems = portNamingProblems(request, answer)
  const message = (problem: NameProblem | null) => (problem ? [t(`canvas.portDialog.problem.${problem}`)] : undefined)

  const submit = () => {
    setSubmitted(true)
    if (isAcceptedNaming(problems)) onConfirm(namedPath(request, answer))
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
            errors={submitted ? message(problems.outport) : undefined}
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
            errors={submitted ? message(problems.condition) : undefined}
            required
          >
            {(id) => <SqlEditor id={id} value={condition} onChange={setCondition} minHeight="80px" />}
          </Field>
        )}
        {askIn && (
          <Field
            label={t('canvas.portDialog.inport', { stop: target.name })}
            hint={t('canvas.portDialog.inportHint')}
            errors={submitted ? message(problems.inport) : undefined}
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
