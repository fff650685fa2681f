import type { Deps } from '../../platform/deps';
export async function seedProjectsDemo(_deps: Deps): Promise<string | null> {
  return null;
}
