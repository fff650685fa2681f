/** Why the camera could not start, from the browser's error (pure: the pickup desk's messages follow it). */
export type CameraProblem = 'camera_insecure' | 'camera_missing' | 'camera_denied' | 'camera_busy' | 'camera_failed';

/** getUserMedia's DOMException names (and the older Chrome ones) mapped to what the desk can tell the officer. */
export function cameraProblemOf(e: unknown): CameraProblem {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'camera_denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'camera_missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'camera_busy';
    default:
      return 'camera_failed';
  }
}
