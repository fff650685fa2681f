/** The console's covenants module: 村规民约 versions and diffs, the councils (两会), the 红白事 register (listed in web/admin/modules.tsx). */
import { ApartmentOutlined, BookOutlined, GiftOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { CouncilsPage } from './CouncilsPage';
import { CovenantPage } from './CovenantPage';
import { CovenantsPage } from './CovenantsPage';
import { FamilyEventsPage } from './FamilyEventsPage';
import { covenantsEn, covenantsZh } from './messages';
import { VersionPage } from './VersionPage';

const base = { capability: 'covenants.read', group: 'cogovern' } as const;
const covenant = { ...base, icon: <BookOutlined />, label: 'menu.covenants', hint: 'cov.hint' } as const;

export const covenantsConsole: ConsoleModule<typeof covenantsZh> = {
  name: 'covenants',
  messages: { zh: covenantsZh, en: covenantsEn },
  pages: [
    { ...covenant, key: 'covenants', path: 'covenants', element: <CovenantsPage /> },
    { ...covenant, key: 'covenant', path: 'covenants/:id', hidden: true, element: <CovenantPage /> },
    { ...covenant, key: 'covenant-version', path: 'covenant-versions/:id', hidden: true, element: <VersionPage /> },
    {
      ...base,
      key: 'councils',
      path: 'councils',
      icon: <ApartmentOutlined />,
      label: 'menu.councils',
      hint: 'cov.councilsHint',
      element: <CouncilsPage />,
    },
    {
      ...base,
      key: 'family-events',
      path: 'family-events',
      icon: <GiftOutlined />,
      label: 'menu.familyEvents',
      hint: 'cov.eventsHint',
      element: <FamilyEventsPage />,
    },
  ],
};
