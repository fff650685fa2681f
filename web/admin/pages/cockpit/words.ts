/** The unit words of the cockpit's numbers in the reader's language. */
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import type { UnitWords } from './format';

export function useUnitWords(): UnitWords {
  const { t } = useI18n();
  return useMemo(
    () => ({
      hours: t('ck.unit.hours'),
      yuan: t('ck.unit.yuan'),
      points: t('ck.unit.points'),
      people: t('ck.unit.people'),
      households: t('ck.unit.households'),
      percentPoints: t('ck.points'),
    }),
    [t],
  );
}
