/** The console's points module: its pages and menu entries (listed in web/admin/modules.tsx). */
import {
  AccountBookOutlined,
  ControlOutlined,
  FileProtectOutlined,
  GiftOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  QrcodeOutlined,
} from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { pointsEn, pointsZh } from '../../messages/points';
import { AwardsPage } from './AwardsPage';
import { ItemsPage } from './ItemsPage';
import { LedgerPage } from './LedgerPage';
import { PickupPage } from './PickupPage';
import { PublicityPage } from './PublicityPage';
import { RulesPage } from './RulesPage';
import { SettingsPage } from './SettingsPage';

export const pointsConsole: ConsoleModule<typeof pointsZh> = {
  name: 'points',
  messages: { zh: pointsZh, en: pointsEn },
  pages: [
    {
      key: 'points-awards',
      path: 'points-awards',
      capability: 'points.read',
      group: 'points',
      icon: <FileProtectOutlined />,
      label: 'menu.pointsAwards',
      hint: 'pts.awardsHint',
      element: <AwardsPage />,
    },
    {
      key: 'points-publicity',
      path: 'points-publicity',
      capability: 'points.read',
      group: 'points',
      icon: <NotificationOutlined />,
      label: 'menu.pointsPublicity',
      hint: 'pts.publicityHint',
      element: <PublicityPage />,
    },
    {
      key: 'points-pickup',
      path: 'points-pickup',
      capability: 'points.shop',
      group: 'points',
      icon: <QrcodeOutlined />,
      label: 'menu.pointsPickup',
      hint: 'pts.pickupHint',
      element: <PickupPage />,
    },
    {
      key: 'points-items',
      path: 'points-items',
      capability: 'points.read',
      group: 'points',
      icon: <GiftOutlined />,
      label: 'menu.pointsItems',
      hint: 'pts.itemsHint',
      element: <ItemsPage />,
    },
    {
      key: 'points-ledger',
      path: 'points-ledger',
      capability: 'points.read',
      group: 'points',
      icon: <AccountBookOutlined />,
      label: 'menu.pointsLedger',
      hint: 'pts.ledgerHint',
      element: <LedgerPage />,
    },
    {
      key: 'points-rules',
      path: 'points-rules',
      capability: 'points.read',
      group: 'points',
      icon: <OrderedListOutlined />,
      label: 'menu.pointsRules',
      hint: 'pts.rulesHint',
      element: <RulesPage />,
    },
    {
      key: 'points-settings',
      path: 'points-settings',
      capability: ['points.read', 'points.settings'],
      group: 'points',
      icon: <ControlOutlined />,
      label: 'menu.pointsSettings',
      hint: 'pts.settingsHint',
      element: <SettingsPage />,
    },
  ],
};
