/** Demo data of 评选 (filled in below). */
import type { Deps } from '../../platform/deps';

export async function selectionsDemo(_deps: Deps): Promise<string | null> {
  return null;
}
