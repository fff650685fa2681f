/** The resident app's tabs, one line each, in the tab bar's order (each declared in `pages/<tab>/index.tsx`). */
import { activitiesTab } from './pages/activities';
import { errandsTab } from './pages/errands';
import { deliberationTab } from './pages/deliberation';
import { homeTab } from './pages/home';
import { meTab } from './pages/me';
import { nearbyService } from './pages/nearby';
import { pointsTab } from './pages/points';
import { reportTab } from './pages/report';
import { stationsTab } from './pages/stations';
import { worklistsTab } from './pages/worklists';
import { selectionsTab } from './pages/selections';
import { economyService } from './pages/economy';
import { projectsTab } from './pages/projects';
// issue #11 item 8: woodpecker enrolment
import { woodpeckerTab } from './pages/woodpecker';
// issue #13 item 5: 我的村规民约
import { covenantService } from './pages/covenant';

export type { ResidentTab } from './tab';

export const RESIDENT_TABS = [
  homeTab,
  reportTab,
  pointsTab,
  meTab,
  nearbyService,
  stationsTab,
  activitiesTab,
  errandsTab,
  deliberationTab,
  worklistsTab,
  selectionsTab,
  economyService,
  projectsTab,
  woodpeckerTab,
  covenantService,
] as const; // a tuple: each tab's strings keep their own type (dictionary.ts); tabs first, then the services
