/** Stop descriptors as `/api/stops/` serves them, trimmed, for the canvas's unit tests (canvas-core, flow-editor). */
import type { PropertyDescriptor, StopDescriptor } from '@/features/canvas-core'

const prop = (name: string, extra: Partial<PropertyDescriptor> = {}): PropertyDescriptor => ({
  name,
  label: name[0]!.toUpperCase() + name.slice(1),
  description: '',
  type: 'string',
  default: '',
  required: false,
  example: '',
  choices: [],
  sensitive: false,
  language: 'Text',
  ...extra,
})

const stop = (name: string, group: string, inports: string[], outports: string[], properties: PropertyDescriptor[], extra: Partial<StopDescriptor> = {}): StopDescriptor => ({
  bundle: `piflow.stops.${group.toLowerCase()}.${name}`,
  name,
  aliases: [`cn.piflow.bundle.${group.toLowerCase()}.${name}`],
  groups: [group],
  groupLabels: [group],
  description: `${name} does its thing.`,
  details: '',
  inports,
  outports,
  customizable: false,
  isDataSource: inports.length === 0,
  author: '',
  properties,
  ...extra,
})

export const MOCK_DATA = stop('MockData', 'Common', [], [''], [prop('schema', { required: true }), prop('count', { required: true })])
export const FILTER = stop('Filter', 'Common', [''], [''], [prop('condition', { required: true, language: 'Sql' })])
export const FORK = stop('Fork', 'Common', [''], ['Any'], [prop('outports', { type: 'list' })])
export const MERGE = stop('Merge', 'Common', ['Any'], [''], [prop('inports', { type: 'list' })])
export const UNION = stop('Union', 'Common', ['Any'], [''], [prop('distinct')])
export const JOIN = stop('Join', 'Common', ['Left', 'Right'], [''], [prop('correlationColumn', { required: true })])
export const ROUTE = stop('Route', 'Common', [''], ['Route'], [], { customizable: true })
export const CSV_SAVE = stop('CsvSave', 'CSV', [''], [''], [
  prop('csvSavePath', { required: true }),
  prop('header', { choices: ['true', 'false'], default: 'false' }),
])
export const JDBC_READ = stop('JdbcRead', 'Jdbc', [], [''], [prop('url', { required: true }), prop('password', { sensitive: true })])

export const DESCRIPTORS: StopDescriptor[] = [MOCK_DATA, FILTER, FORK, MERGE, UNION, JOIN, ROUTE, CSV_SAVE, JDBC_READ]
