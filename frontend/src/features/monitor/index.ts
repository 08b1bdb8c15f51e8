/**
 * The run monitor (`/processes/:id`): the flow's graph with each stop coloured by its state as
 * events arrive over the run's WebSocket, row counts on the paths, the run's progress, state and
 * elapsed time, Stop / Rerun / Run from checkpoint, and a debug run's rows per path.
 *
 * Its public surface is this file: the router imports `MonitorPage` from here, lazily.
 *
 * Layout: `model/` pure logic (the event reducer, the graph and its fallback layout), `hooks/` the
 * socket (reconnect with backoff) and the live run, `api/` one file per request, `components/`,
 * `i18n/` its strings (the `monitor.*` section of the app's catalogue).
 */
export { MonitorPage } from './MonitorPage'
