/**
 * The console's modules, one line each (each declared in its folder, `pages/<module>/index.tsx`):
 * the menus and routes, each page shown to users holding its capability (menus follow the server),
 * and the dictionaries (dictionary.ts) are assembled from this list.
 */
import type { Me } from '../shared/types';
import type { ConsolePage } from './console';
import { accountsConsole } from './pages/accounts';
import { auditConsole } from './pages/audit';
import { beehiveConsole } from './pages/beehive';
import { casesConsole } from './pages/cases';
import { circleConsole } from './pages/circle';
import { cockpitConsole } from './pages/cockpit';
import { coverageConsole } from './pages/coverage';
import { deliberationConsole } from './pages/deliberation';
import { divisionsConsole } from './pages/divisions';
import { economyConsole } from './pages/economy';
import { gridMapConsole } from './pages/grid-map';
import { homeConsole } from './pages/home';
import { indicatorsConsole } from './pages/indicators';
import { partyConsole } from './pages/party';
import { peopleConsole } from './pages/people';
import { pointsConsole } from './pages/points';
import { registersConsole } from './pages/registers';
import { rolesConsole } from './pages/roles';
import { servicesConsole } from './pages/services';
import { selectionsConsole } from './pages/selections';
import { smsOutboxConsole } from './pages/sms-outbox';
import { staffConsole } from './pages/staff';
import { systemConsole } from './pages/system';
import { careConsole } from './pages/care';
import { worklistsConsole } from './pages/worklists';
import { leadersConsole } from './pages/leaders';
import { projectsConsole } from './pages/projects';
import { woodpeckersConsole } from './pages/woodpeckers';
import { problemWordsConsole } from './pages/problem-words';
import { covenantsConsole } from './pages/covenants';

export type { ConsoleModule, ConsolePage } from './console';

export const CONSOLE_MODULES = [
  homeConsole,
  cockpitConsole,
  divisionsConsole,
  peopleConsole,
  coverageConsole,
  gridMapConsole,
  partyConsole,
  registersConsole,
  staffConsole,
  casesConsole,
  indicatorsConsole,
  pointsConsole,
  servicesConsole,
  deliberationConsole,
  covenantsConsole,
  selectionsConsole,
  accountsConsole,
  smsOutboxConsole,
  systemConsole,
  rolesConsole,
  auditConsole,
  beehiveConsole,
  circleConsole,
  careConsole,
  worklistsConsole,
  economyConsole,
  leadersConsole,
  projectsConsole,
  woodpeckersConsole,
  problemWordsConsole,
] as const; // a tuple: each module's strings keep their own type (dictionary.ts)

/** Every page, in menu order. */
export const PAGES: readonly ConsolePage[] = CONSOLE_MODULES.flatMap((m) => m.pages);

/** Pages this user may open (routes); the menu and the overview leave out the hidden ones. */
export function modulesFor(me: Pick<Me, 'capabilities'>): ConsolePage[] {
  return PAGES.filter((m) =>
    (typeof m.capability === 'string' ? [m.capability] : m.capability).some((c) => me.capabilities.includes(c)),
  );
}
