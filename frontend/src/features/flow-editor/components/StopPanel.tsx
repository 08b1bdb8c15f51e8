import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { nextRoutePort, type PortHandle, type StopDescriptor, type StopNodeData } from '@/features/canvas-core'
import { stopNameProblem } from '../model/naming'
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context'
import { PropertyField } from './PropertyField'
import { SqlEditor } from './SqlEditor'

export type StopTab = 'stop' | 'properties'

/** The selected stop: its info (name, kind, group, description, ports), checkpoint, and properties. */
export function StopPanel({ name, tab, onTab }: { name: string; tab: StopTab; onTab: (tab: StopTab) => void }) {
  const { t } = useTranslation()
  const data = useEditorStore((s) => s.nodes.find((n) => n.id === name)?.data)
  const descriptor = useEditorStore((s) => (data ? s.descriptors.get(data.bundle) : undefined))
  const problems = useEditorStore((s) => s.stopProblems.get(name))
  const updateStop = useEditorStore((s) => s.updateStop)
  if (!data) return null
  return (
    <div className="panel-section">
      <div className="panel-heading">
        <h2 className="panel-title">{data.name}</h2>
        <span className="muted">{data.kind}</span>
      </div>
      {problems && problems.length > 0 && (
        <div className="banner banner-error stop-problems" role="alert">
          <strong>{t('canvas.problems.title', { count: problems.length })}</strong>
          <ul>
            {problems.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <label className="checkbox checkpoint-toggle">
        <input
          type="checkbox"
          checked={data.checkpoint}
          onChange={(e) => updateStop(name, { checkpoint: e.target.checked })}
        />
        {t('canvas.stopPanel.checkpoint')}
      </label>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'properties'} className={tab === 'properties' ? 'tab active' : 'tab'} onClick={() => onTab('properties')}>
          {t('canvas.stopPanel.propertiesTab')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'stop'} className={tab === 'stop' ? 'tab active' : 'tab'} onClick={() => onTab('stop')}>
          {t('canvas.stopPanel.infoTab')}
        </button>
      </div>
      <div role="tabpanel">
        {tab === 'stop' ? <StopInfo data={data} descriptor={descriptor} /> : <PropertyForm data={data} descriptor={descriptor} />}
      </div>
    </div>
  )
}

function portName(handle: PortHandle, defaultLabel: string): string {
  return handle.port === '' ? defaultLabel : handle.port
}

/** The docstring after its summary line: written in English only, so shown in English only. */
function moreDetails(descriptor: StopDescriptor | undefined, language: string): string {
  if (!descriptor?.details || !language.startsWith('en')) return ''
  const [, ...rest] = descriptor.details.split(/\n\s*\n/)
  return rest.join('\n\n').trim()
}

function StopInfo({ data, descriptor }: { data: StopNodeData; descriptor?: StopDescriptor }) {
  const { t, i18n } = useTranslation()
  const details = moreDetails(descriptor, i18n.language)
  const defaultLabel = t('canvas.node.defaultPort')
  const inputs = data.inputs.filter((h) => h.kind !== 'any' && h.kind !== 'route')
  const outputs = data.outputs.filter((h) => h.kind !== 'any' && h.kind !== 'route')
  const anyIn = data.inputs.some((h) => h.kind === 'any')
  const anyOut = data.outputs.some((h) => h.kind === 'any' || h.kind === 'route')
  return (
    <div className="stop-info">
      <NameField name={data.name} />
      <dl className="info-list">
        <dt>{t('canvas.stopPanel.kind')}</dt>
        <dd>{data.kind}</dd>
        <dt>{t('canvas.stopPanel.group')}</dt>
        <dd>{(descriptor?.groupLabels ?? descriptor?.groups)?.join(', ') || t('canvas.stopPanel.none')}</dd>
        <dt>{t('canvas.stopPanel.bundle')}</dt>
        <dd>
          <code>{data.bundle}</code>
        </dd>
        <dt>{t('canvas.stopPanel.inports')}</dt>
        <dd>
          {inputs.length === 0 && !anyIn ? t('canvas.stopPanel.noInputs') : inputs.map((h) => portName(h, defaultLabel)).join(', ')}
          {anyIn && <span className="muted"> {t('canvas.stopPanel.anyPorts')}</span>}
        </dd>
        <dt>{t('canvas.stopPanel.outports')}</dt>
        <dd>
          {outputs.length === 0 && !anyOut ? t('canvas.stopPanel.none') : outputs.map((h) => portName(h, defaultLabel)).join(', ')}
          {anyOut && <span className="muted"> {t('canvas.stopPanel.anyPorts')}</span>}
        </dd>
      </dl>
      {data.unknown && <p className="error-text">{t('canvas.stopPanel.unknown')}</p>}
      {descriptor && <p className="stop-description">{descriptor.description}</p>}
      {details && <p className="stop-description stop-details">{details}</p>}
    </div>
  )
}

/** The stop's name: checked as it is typed (unique in the flow, not empty), applied on Enter or leaving. */
function NameField({ name }: { name: string }) {
  const { t } = useTranslation()
  const store = useEditorStoreApi()
  const renameStop = useEditorStore((s) => s.renameStop)
  const [draft, setDraft] = useState(name)
  const [shown, setShown] = useState(name)
  if (shown !== name) {
    // Renamed elsewhere (undo): follow it.
    setShown(name)
    setDraft(name)
  }
  const problem = stopNameProblem(draft, (candidate) =>
    candidate !== name && store.getState().nodes.some((n) => n.id === candidate),
  )
  const commit = () => {
    if (problem) return
    const clean = draft.trim()
    if (clean !== name) renameStop(name, clean)
  }
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor="stop-name-input">
        {t('canvas.stopPanel.name')}
        <span className="required" aria-hidden="true">
          {'*'}
        </span>
      </label>
      <input
        id="stop-name-input"
        value={draft}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(name)
        }}
      />
      {problem && (
        <ul className="field-errors">
          <li>{t(`canvas.stopPanel.nameProblem.${problem}`)}</li>
        </ul>
      )}
    </div>
  )
}

function PropertyForm({ data, descriptor }: { data: StopNodeData; descriptor?: StopDescriptor }) {
  const { t } = useTranslation()
  const store = useEditorStoreApi()
  const updateStop = useEditorStore((s) => s.updateStop)
  const problems = useEditorStore((s) => s.problems)
  const name = data.name
  const onChange = useCallback(
    (property: string, value: string) => {
      const current = store.getState().nodes.find((n) => n.id === name)?.data.properties ?? {}
      updateStop(name, { properties: { ...current, [property]: value } }, `property:${property}`)
    },
    [store, name, updateStop],
  )
  if (!descriptor) return <p className="muted">{t('canvas.stopPanel.unknown')}</p>
  const errorsOf = (property: string) => {
    const list = problems.filter((p) => p.stop === name && p.property === property).map((p) => p.message)
    return list.length ? list : undefined
  }
  return (
    <form className="property-form" onSubmit={(e) => e.preventDefault()}>
      {descriptor.properties.length === 0 && !descriptor.customizable && (
        <p className="muted">{t('canvas.stopPanel.noProperties')}</p>
      )}
      {descriptor.properties.map((property) => (
        <PropertyField
          key={property.name}
          property={property}
          value={data.properties[property.name] ?? ''}
          errors={errorsOf(property.name)}
          onChange={onChange}
        />
      ))}
      {descriptor.customizable && <Conditions data={data} />}
    </form>
  )
}

/** Route's customized properties: output port name -> Spark SQL condition. */
function Conditions({ data }: { data: StopNodeData }) {
  const { t } = useTranslation()
  const updateStop = useEditorStore((s) => s.updateStop)
  const removeCondition = useEditorStore((s) => s.removeCondition)
  const entries = Object.entries(data.customizedProperties)
  const set = (port: string, condition: string) =>
    updateStop(data.name, { customizedProperties: { ...data.customizedProperties, [port]: condition } }, `condition:${port}`)
  return (
    <fieldset className="fieldset conditions">
      <legend>{t('canvas.conditions.title')}</legend>
      <p className="field-hint">{t('canvas.conditions.hint')}</p>
      {entries.length === 0 && <p className="muted">{t('canvas.conditions.empty')}</p>}
      {entries.map(([port, condition]) => (
        <div key={port} className="condition-row">
          <div className="condition-head">
            <code>{port}</code>
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              onClick={() => removeCondition(data.name, port)}
              aria-label={t('canvas.conditions.remove', { port })}
            >
              {t('common.delete')}
            </button>
          </div>
          <SqlEditor value={condition} onChange={(value) => set(port, value)} label={t('canvas.conditions.condition', { port })} minHeight="48px" />
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => set(nextRoutePort(data.customizedProperties), '')}
      >
        {t('canvas.conditions.add')}
      </button>
    </fieldset>
  )
}
