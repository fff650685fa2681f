/** Demo data for services: partner units, cadres, activities and errands in 百子庵村 (高基庙镇). */
import type { Deps } from '../../platform/deps';

export async function seedServicesDemo(_deps: Deps): Promise<string | null> {
  return null;
}
