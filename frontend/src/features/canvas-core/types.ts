/**
 * The shapes the canvas works with: stop descriptors (what `/api/stops/` serves), a flow's stops
 * and paths as PiFlow JSON spells them, and the xyflow nodes and edges drawn from them.
 *
 * Shared by the editor (`features/flow-editor`) and the run monitor (`features/monitor`): keep it
 * stable.
 */
import type { Edge, Node } from '@xyflow/react'

import type { ApiSchema } from '@/lib/api-types'

/**
 * One property of a stop, as its descriptor declares it. `type` is a hint (`string`, `integer`,
 * `boolean`, `list`, ...: every value travels as a string); non-empty `choices` make a drop-down;
 * a `sensitive` value reads back as `******` and is kept server-side when sent back unchanged;
 * `language` is `Text` for plain values, `Sql`, `Python`, ... get a code editor.
 */
export type PropertyDescriptor = ApiSchema<'StopProperty'>

/**
 * A stop class as `/api/stops/` describes it: the palette entry, the node and the property form.
 * `groups` are stable ids (what flows and filters use), `groupLabels` their names in the UI's
 * language, in the same order. Ports: in `inports`, `""` is the default port, `Any` accepts any
 * name, `None` none, `Left`/`Right` are literal names; in `outports`, `Any` is any name (Fork) and
 * `Route` the default port plus one per customized property. `customizable`: takes customized
 * properties (Route: port name -> SQL condition).
 */
export type StopDescriptor = ApiSchema<'StopDescriptor'>

/**
 * A stop in PiFlow's flow JSON, as the canvas holds it: property values are strings here (the API
 * sends any JSON, see `PiflowStop` in the schema; the editor turns them into strings on load).
 */
export type FlowStop = {
  name: string
  bundle: string
  uuid?: string
  properties?: Record<string, string>
  customizedProperties?: Record<string, string>
}

/** A path: `from`'s `outport` to `to`'s `inport` (`""` = the default port). */
export type FlowPath = ApiSchema<'PiflowPath'>

/** A stop's top-left corner on the canvas (the API's `positions` is a free-form object). */
export type Position = { x: number; y: number }

/** The part of a flow the canvas edits: what `GET /api/flows/<id>/` returns and `PUT` takes. */
export type FlowGraph = {
  stops: FlowStop[]
  paths: FlowPath[]
  /** Stop name -> top-left corner on the canvas. */
  positions: Record<string, Position>
  /** Names of the stops whose output is checkpointed. */
  checkpoints: string[]
}

/** Where a handle sits and what connecting to it means. */
export type PortKind =
  /** The default port (`""`). */
  | 'default'
  /** A port with a fixed or user-given name (`Left`, `out1`, a Route port). */
  | 'named'
  /** The "add a port" handle of an `Any` port: connecting asks for a name. */
  | 'any'
  /** Route's "add a port" handle: connecting asks for a name and a filter condition. */
  | 'route'
  /** A port a path uses that the stop does not offer (the server says why). */
  | 'unknown'

export type PortHandle = {
  /** The xyflow handle id (see `handleId`). */
  id: string
  /** The port name on the wire (`""` = default); empty for `any`/`route` handles. */
  port: string
  kind: PortKind
}

/** A stop's run state as the server names it (`INIT`, `STARTED`, `COMPLETED`, `FAILED`, `KILLED`, `SKIPPED`). */
export type StopStatus = string

/** What a stop node draws. `inputs`/`outputs` are derived (descriptor + properties + paths). */
export type StopNodeData = {
  name: string
  bundle: string
  uuid: string
  properties: Record<string, string>
  customizedProperties: Record<string, string>
  checkpoint: boolean
  /** The descriptor's display name (`MockData`), or the bundle's last part when unknown. */
  kind: string
  /** The first group's name, in the UI's language when known. */
  group: string
  inputs: PortHandle[]
  outputs: PortHandle[]
  /** No descriptor for this bundle (unknown stop). */
  unknown?: boolean
  /** A run state: colours the node (the monitor). */
  status?: StopStatus
  /** Something wrong to show on the node (a failed stop's error, the editor's validation problems). */
  error?: string
  [key: string]: unknown
}

export type CanvasNode = Node<StopNodeData, 'stop'>

export type PathEdgeData = {
  /** Rows that crossed the path (the monitor); `null` until known. */
  rows?: number | null
  /** Text drawn on the edge: a Route port's condition, a named port, a row count. */
  text?: string
  [key: string]: unknown
}

export type CanvasEdge = Edge<PathEdgeData>
