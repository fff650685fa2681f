/** The report tab (上报, 随手拍) with the case strings it shares with my reports (listed in web/m/tabs.ts). */
import { CameraOutlined } from '@ant-design/icons';
import { casesEn, casesZh } from '../../messages/cases';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { reportEn, reportZh } from './messages';

const zh = { ...casesZh, ...reportZh };

export const reportTab: ResidentTab<typeof zh> = {
  path: '/report',
  icon: <CameraOutlined />,
  title: 'tab.report',
  testId: 'tab-report',
  routes: [
    { path: '/report', element: page(() => import('./ReportPage'), 'ReportPage') },
    { path: '/report/done/:id', element: page(() => import('./ReportDone'), 'ReportDone') },
  ],
  messages: { zh, en: { ...casesEn, ...reportEn } },
};
