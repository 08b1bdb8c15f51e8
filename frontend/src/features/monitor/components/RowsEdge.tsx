import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo, useContext } from 'react'
import { useTranslation } from 'react-i18next'

import { formatCount } from '../model/format'
import type { MonitorEdge } from '../model/graph'
import { PathSelectContext } from './path-select'

/** A path of the run: the line, and a label with the rows that crossed it once known (a button: it opens them). */
function RowsEdgeView(props: EdgeProps<MonitorEdge>) {
  const { t, i18n } = useTranslation()
  const select = useContext(PathSelectContext)
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, data, selected } = props
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition })
  const rows = data?.rows ?? null
  const from = data?.from ?? ''
  const to = data?.to ?? ''
  const port = data?.outport ? `${from}.${data.outport}` : from
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {rows !== null && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`monitor-edge-label nodrag nopan${selected ? ' monitor-edge-label-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-path={`${from}->${to}`}
            aria-label={t('monitor.edge.label', { count: rows, rows: formatCount(rows, i18n.language), from: port, to })}
            onClick={() => data && select(data.index)}
          >
            {t('monitor.edge.rows', { count: rows, rows: formatCount(rows, i18n.language) })}
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  )
}

export const RowsEdge = memo(RowsEdgeView)
