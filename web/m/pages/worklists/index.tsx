/** The resident's three-lists service: the problems I raised and confirming their effect (a card in the home page's 服务 grid). */
import { CheckCircleOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';

const worklistsZh = {
  'wlm.card': '问题反馈',
  'wlm.cardHint': '我反映的问题办得怎么样，办好了请确认',
  'wlm.title': '我反映的问题',
  'wlm.empty': '还没有您反映的问题',
  'wlm.deadline': '期限 {date}',
  'wlm.comment': '说说您的意见（可不填）',
  'wlm.confirm': '确认已解决',
  'wlm.dispute': '还没解决',
  'wlm.confirmedToast': '感谢确认',
  'wlm.disputedToast': '已退回继续办理',
  'wlm.more': '加载更多',
} as const;

const worklistsEn: Record<keyof typeof worklistsZh, string> = {
  'wlm.card': 'My problems',
  'wlm.cardHint': 'How the problems you raised are being solved; confirm when done',
  'wlm.title': 'Problems I raised',
  'wlm.empty': 'You have not raised any problem yet',
  'wlm.deadline': 'due {date}',
  'wlm.comment': 'Your comment (optional)',
  'wlm.confirm': 'Confirm it is solved',
  'wlm.dispute': 'Not solved yet',
  'wlm.confirmedToast': 'Thank you for confirming',
  'wlm.disputedToast': 'Sent back to be worked on',
  'wlm.more': 'Load more',
};

export const worklistsTab: ResidentTab<typeof worklistsZh> = {
  path: '/worklists',
  icon: <CheckCircleOutlined />,
  title: 'wlm.card',
  testId: 'tab-worklists',
  tabBar: false,
  homeCard: { title: 'wlm.card', hint: 'wlm.cardHint' },
  routes: [{ path: '/worklists', element: page(() => import('./MyProblemsPage'), 'MyProblemsPage') }],
  messages: { zh: worklistsZh, en: worklistsEn },
};
