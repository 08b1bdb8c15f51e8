/**
 * Runs: the run list (`/processes`), the log page, and the requests about one run. This file is
 * what other features may use (the monitor reads, stops and reruns a run through it); the lint
 * refuses imports of the feature's other files from outside it.
 */
export { getProcess, processQueryOptions, useProcess } from './api/get-process'
export { rerunProcess, useRerunProcess } from './api/rerun-process'
export { stopProcess, useStopProcess } from './api/stop-process'
export {
  FINISHED_STATES,
  isFinished,
  type Process,
  type ProcessListItem,
  type ProcessMode,
  type ProcessPath,
  type ProcessStop,
  type Trigger,
} from './types'
