/** The console's deliberation module: meetings and votes, 四议两公开, 村务公开, meeting types (listed in web/admin/modules.tsx). */
import { AuditOutlined, BulbOutlined, NotificationOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { BoardPage } from './BoardPage';
import { MatterPage } from './MatterPage';
import { MattersPage } from './MattersPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { ProposalsPage } from './ProposalsPage';
import { deliberationEn, deliberationZh } from './messages';
import { RulesPage } from './RulesPage';

const base = { capability: 'deliberation.read', group: 'cogovern' } as const;

export const deliberationConsole: ConsoleModule<typeof deliberationZh> = {
  name: 'deliberation',
  messages: { zh: deliberationZh, en: deliberationEn },
  pages: [
    {
      ...base,
      key: 'meetings',
      path: 'meetings',
      icon: <TeamOutlined />,
      label: 'menu.meetings',
      hint: 'dlb.meetingsHint',
      element: <MeetingsPage />,
    },
    {
      ...base,
      key: 'meeting',
      path: 'meetings/:id',
      hidden: true,
      icon: <TeamOutlined />,
      label: 'menu.meetings',
      hint: 'dlb.meetingsHint',
      element: <MeetingPage />,
    },
    {
      ...base,
      key: 'matters',
      path: 'matters',
      icon: <AuditOutlined />,
      label: 'menu.matters',
      hint: 'dlb.mattersHint',
      element: <MattersPage />,
    },
    {
      ...base,
      key: 'matter',
      path: 'matters/:id',
      hidden: true,
      icon: <AuditOutlined />,
      label: 'menu.matters',
      hint: 'dlb.mattersHint',
      element: <MatterPage />,
    },
    {
      ...base,
      key: 'proposals',
      path: 'proposals',
      icon: <BulbOutlined />,
      label: 'menu.proposals',
      hint: 'dlb.proposalsHint',
      element: <ProposalsPage />,
    },
    {
      ...base,
      key: 'disclosures',
      path: 'disclosures',
      icon: <NotificationOutlined />,
      label: 'menu.disclosures',
      hint: 'dlb.disclosuresHint',
      element: <BoardPage />,
    },
    {
      ...base,
      key: 'meeting-rules',
      path: 'meeting-rules',
      icon: <SettingOutlined />,
      label: 'menu.meetingRules',
      hint: 'dlb.rulesHint',
      element: <RulesPage />,
    },
  ],
};
