import { useTranslation } from 'react-i18next'

import { Field } from '@/components/Field'
import { useEditorStore } from '../store/editor-store-context'
import { ProblemList } from './ProblemList'

/** With nothing selected: the flow's name, description and Spark resources, and all its problems. */
export function FlowInfoPanel() {
  const { t } = useTranslation()
  const info = useEditorStore((s) => s.info)
  const setInfo = useEditorStore((s) => s.setInfo)
  const problems = useEditorStore((s) => s.problems)
  const stopCount = useEditorStore((s) => s.nodes.length)
  const pathCount = useEditorStore((s) => s.edges.length)
  const number = (value: string) => Math.max(1, Number.parseInt(value, 10) || 1)
  return (
    <div className="panel-section">
      <h2 className="panel-title">{t('canvas.flowPanel.title')}</h2>
      <p className="muted">{t('canvas.flowPanel.counts', { stops: stopCount, paths: pathCount })}</p>
      <ProblemList problems={problems} />
      <Field label={t('canvas.flowPanel.name')} required>
        {(id) => <input id={id} value={info.name} onChange={(e) => setInfo({ name: e.target.value })} />}
      </Field>
      <Field label={t('canvas.flowPanel.description')}>
        {(id) => (
          <textarea id={id} rows={3} value={info.description} onChange={(e) => setInfo({ description: e.target.value })} />
        )}
      </Field>
      <fieldset className="fieldset">
        <legend>{t('canvas.flowPanel.resources')}</legend>
        <div className="panel-grid">
          <Field label={t('canvas.flowPanel.driverMemory')}>
            {(id) => (
              <input id={id} value={info.driver_memory} onChange={(e) => setInfo({ driver_memory: e.target.value })} />
            )}
          </Field>
          <Field label={t('canvas.flowPanel.executors')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                value={info.executor_number}
                onChange={(e) => setInfo({ executor_number: number(e.target.value) })}
              />
            )}
          </Field>
          <Field label={t('canvas.flowPanel.executorMemory')}>
            {(id) => (
              <input id={id} value={info.executor_memory} onChange={(e) => setInfo({ executor_memory: e.target.value })} />
            )}
          </Field>
          <Field label={t('canvas.flowPanel.executorCores')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                value={info.executor_cores}
                onChange={(e) => setInfo({ executor_cores: number(e.target.value) })}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <p className="muted panel-tip">{t('canvas.flowPanel.tip')}</p>
    </div>
  )
}
