/** The pickup desk's camera messages (web/admin/pages/points/camera-problem.ts, pure). */
import { describe, expect, it } from 'vitest';
import { cameraProblemOf } from '../web/admin/pages/points/camera-problem';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('why the camera did not start', () => {
  it('tells a refused permission from a missing or busy camera', () => {
    expect(cameraProblemOf(named('NotAllowedError'))).toBe('camera_denied');
    expect(cameraProblemOf(named('SecurityError'))).toBe('camera_denied');
    expect(cameraProblemOf(named('NotFoundError'))).toBe('camera_missing');
    expect(cameraProblemOf(named('OverconstrainedError'))).toBe('camera_missing');
    expect(cameraProblemOf(named('NotReadableError'))).toBe('camera_busy');
  });
  it('calls anything else a failure, even what is not an error', () => {
    expect(cameraProblemOf(named('TypeError'))).toBe('camera_failed');
    expect(cameraProblemOf('boom')).toBe('camera_failed');
    expect(cameraProblemOf(null)).toBe('camera_failed');
  });
});
