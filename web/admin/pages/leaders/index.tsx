/** The console's 头雁 records (leaders): the organisation department's pages (listed in web/admin/modules.tsx). */
import {
  AuditOutlined,
  FlagOutlined,
  RiseOutlined,
  SoundOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ConsoleModule, ConsolePage } from '../../console';
import { ContestPage } from './ContestPage';
import { ContestsPage } from './ContestsPage';
import { leadersEn, leadersZh } from './messages';
import { PersonPage } from './PersonPage';
import { ReservesPage } from './ReservesPage';
import { TalksPage } from './TalksPage';
import { TeamsPage } from './TeamsPage';
import { TiersPage } from './TiersPage';
import { UpgradesPage } from './UpgradesPage';

const page = (p: Omit<ConsolePage, 'capability' | 'group'>): ConsolePage => ({
  ...p,
  capability: 'leaders.records',
  group: 'leaders',
});

export const leadersConsole: ConsoleModule<typeof leadersZh> = {
  name: 'leaders',
  messages: { zh: leadersZh, en: leadersEn },
  pages: [
    page({
      key: 'leaders-teams',
      path: 'leaders',
      icon: <TeamOutlined />,
      label: 'menu.leadersTeams',
      hint: 'ldr.teamsHint',
      element: <TeamsPage />,
    }),
    page({
      key: 'leaders-person',
      path: 'leaders/people/:id',
      hidden: true,
      icon: <UserOutlined />,
      label: 'ldr.name',
      hint: 'ldr.sensitive',
      element: <PersonPage />,
    }),
    page({
      key: 'leaders-tiers',
      path: 'leaders/tiers',
      icon: <AuditOutlined />,
      label: 'menu.leadersTiers',
      hint: 'ldr.tiersHint',
      element: <TiersPage />,
    }),
    page({
      key: 'leaders-reserves',
      path: 'leaders/reserves',
      icon: <FlagOutlined />,
      label: 'menu.leadersReserves',
      hint: 'ldr.reservesHint',
      element: <ReservesPage />,
    }),
    page({
      key: 'leaders-upgrades',
      path: 'leaders/upgrades',
      icon: <RiseOutlined />,
      label: 'menu.leadersUpgrades',
      hint: 'ldr.upgradesHint',
      element: <UpgradesPage />,
    }),
    page({
      key: 'leaders-contests',
      path: 'leaders/contests',
      icon: <TrophyOutlined />,
      label: 'menu.leadersContests',
      hint: 'ldr.contestsHint',
      element: <ContestsPage />,
    }),
    page({
      key: 'leaders-contest',
      path: 'leaders/contests/:id',
      hidden: true,
      icon: <TrophyOutlined />,
      label: 'menu.leadersContests',
      hint: 'ldr.contestsHint',
      element: <ContestPage />,
    }),
    page({
      key: 'leaders-talks',
      path: 'leaders/talks',
      icon: <SoundOutlined />,
      label: 'menu.leadersTalks',
      hint: 'ldr.talksHint',
      element: <TalksPage />,
    }),
  ],
};
