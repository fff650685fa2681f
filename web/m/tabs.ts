/** The resident app's tabs, one line each, in the tab bar's order (each declared in `pages/<tab>/index.tsx`). */
import { homeTab } from './pages/home';
import { meTab } from './pages/me';
import { pointsTab } from './pages/points';
import { reportTab } from './pages/report';
import { selectionsTab } from './pages/selections';

export type { ResidentTab } from './tab';

export const RESIDENT_TABS = [homeTab, reportTab, pointsTab, meTab, selectionsTab] as const; // a tuple: each tab's strings keep their own type (dictionary.ts)
