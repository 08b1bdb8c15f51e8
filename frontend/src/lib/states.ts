/** The states the server gives runs and stops (piflow.State). */
export const RUN_STATES = ['INIT', 'STARTED', 'COMPLETED', 'FAILED', 'KILLED'] as const
export const STOP_STATES = [...RUN_STATES, 'SKIPPED'] as const
export type RunState = (typeof RUN_STATES)[number]
export type StopState = (typeof STOP_STATES)[number]

export function isKnownState(state: string): state is StopState {
  return (STOP_STATES as readonly string[]).includes(state)
}
