import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { useNodeLabels, type NodeLabels } from './labels-context'
import type { CanvasNode, PortHandle } from './types'

const KNOWN_STATUS = new Set(['init', 'started', 'completed', 'failed', 'killed', 'skipped'])

function PortRow({ handle, side, labels }: { handle: PortHandle; side: 'in' | 'out'; labels: NodeLabels }) {
  const isNew = handle.kind === 'any' || handle.kind === 'route'
  const text = isNew ? (handle.kind === 'route' ? labels.addCondition : labels.addPort) : handle.port
  const title = isNew ? text : handle.port === '' ? labels.defaultPort : handle.port
  return (
    <div className={`stop-port stop-port-${side} stop-port-${handle.kind}`} title={title}>
      <Handle
        id={handle.id}
        type={side === 'in' ? 'target' : 'source'}
        position={side === 'in' ? Position.Left : Position.Right}
        className={`stop-handle stop-handle-${handle.kind}`}
      />
      {text && <span className="stop-port-label">{text}</span>}
    </div>
  )
}

/**
 * One stop: its name, kind and group, its input ports on the left and output ports on the right
 * (as handles), a checkpoint mark, a run state colour (`data.status`) and an error (`data.error`).
 * Memoized: a node redraws only when its own data, selection or drag state changes.
 */
function StopNodeView({ data, selected }: NodeProps<CanvasNode>) {
  const labels = useNodeLabels()
  const status = data.status?.toLowerCase()
  const classes = ['stop-node']
  if (selected) classes.push('stop-node-selected')
  if (status && KNOWN_STATUS.has(status)) classes.push(`stop-node-${status}`)
  if (data.error) classes.push('stop-node-invalid')
  if (data.unknown) classes.push('stop-node-unknown')
  return (
    <div className={classes.join(' ')} data-stop={data.name} data-status={status}>
      <div className="stop-node-header">
        <span className="stop-node-name">{data.name}</span>
        {data.checkpoint && (
          <span className="stop-node-checkpoint" title={labels.checkpoint} aria-label={labels.checkpoint}>
            {'◆'}
          </span>
        )}
      </div>
      <div className="stop-node-kind">
        {data.kind !== data.name && <span className="stop-node-kind-name">{data.kind}</span>}
        {data.group && <span className="stop-node-group">{data.group}</span>}
      </div>
      {(data.inputs.length > 0 || data.outputs.length > 0) && (
        <div className="stop-node-ports">
          <div className="stop-node-inputs">
            {data.inputs.map((handle) => (
              <PortRow key={handle.id} handle={handle} side="in" labels={labels} />
            ))}
          </div>
          <div className="stop-node-outputs">
            {data.outputs.map((handle) => (
              <PortRow key={handle.id} handle={handle} side="out" labels={labels} />
            ))}
          </div>
        </div>
      )}
      {data.error && (
        <div className="stop-node-error" role="note" title={data.error}>
          {data.error}
        </div>
      )}
    </div>
  )
}

export const StopNode = memo(StopNodeView)
