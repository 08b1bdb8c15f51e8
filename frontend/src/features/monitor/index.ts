/**
 * The run monitor (`/processes/:id`). Its public surface is this file: the router imports
 * `MonitorPage` from here, lazily. A placeholder until the live graph lands.
 */
export { MonitorPage } from './MonitorPage'
