/** Demo data of the deliberation module (filled in below). */
import type { Deps } from '../../platform/deps';

export async function seedDeliberationDemo(_deps: Deps): Promise<string | null> {
  return null;
}
