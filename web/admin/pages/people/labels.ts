/** Gender and relation names for people tables. */
import type { MessageKey } from '../../i18n';

export const genderKey = (g: string): MessageKey | null =>
  g === 'M' || g === 'male' ? 'gender.male' : g === 'F' || g === 'female' ? 'gender.female' : null;

const RELATIONS = ['householder', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'];
export const relationKey = (r: string): MessageKey | null =>
  RELATIONS.includes(r) ? (`relation.${r}` as MessageKey) : null;
