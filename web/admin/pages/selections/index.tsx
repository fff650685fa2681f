/** The console's selections module (评选): management, a selection's page, panel scoring (listed in web/admin/modules.tsx). */
import { FormOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { selectionsEn, selectionsZh } from './messages';
import { PanelPage } from './PanelPage';
import { SelectionPage } from './SelectionPage';
import { SelectionsPage } from './SelectionsPage';

export const selectionsConsole: ConsoleModule<typeof selectionsZh> = {
  name: 'selections',
  messages: { zh: selectionsZh, en: selectionsEn },
  pages: [
    {
      key: 'selections',
      path: 'selections',
      capability: ['selections.read', 'selections.manage'],
      group: 'evaluate',
      icon: <TrophyOutlined />,
      label: 'menu.selections',
      hint: 'sel.hint',
      element: <SelectionsPage />,
    },
    {
      key: 'selection',
      path: 'selections/:id',
      capability: ['selections.read', 'selections.manage', 'selections.score'],
      hidden: true,
      group: 'evaluate',
      icon: <TrophyOutlined />,
      label: 'sel.details',
      hint: 'sel.details',
      element: <SelectionPage />,
    },
    {
      key: 'selections-panel',
      path: 'selections-panel',
      capability: 'selections.score',
      group: 'evaluate',
      icon: <FormOutlined />,
      label: 'menu.selectionsPanel',
      hint: 'sel.panelHint',
      element: <PanelPage />,
    },
  ],
};
