import { useParams } from 'react-router-dom'

import { FlowEditor } from './FlowEditor'

/** `/flows/:id/edit`: the flow's editor, a new one (with a new state) for each flow visited. */
export function FlowEditorPage() {
  const { id } = useParams()
  const flowId = Number(id)
  return <FlowEditor key={flowId} flowId={flowId} guardLeaving />
}
