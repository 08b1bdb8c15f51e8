/** The palette puts a stop's bundle id under this type when a drag starts; the canvas reads it on drop. */
export const STOP_DRAG_TYPE = 'application/x-piflow-stop'
