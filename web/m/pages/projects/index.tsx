/** 身边的民生实事: projects of my village, town and county, their progress; chosen representatives rate them (a card in the home page's 服务 grid). */
import { BuildOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';

const projectsZh = {
  'pjm.card': '民生实事',
  'pjm.cardHint': '身边的民生实事办到哪一步了',
  'pjm.title': '身边的民生实事',
  'pjm.empty': '您身边还没有登记的民生实事',
  'pjm.budget': '预算 {yuan} 元',
  'pjm.due': '{date} 前完成',
  'pjm.progress': '进度',
  'pjm.milestones': '节点',
  'pjm.late': '已超期',
  'pjm.ratings': '代表评议：{n} 人，进度 {p} 分，质量 {q} 分',
  'pjm.noRatings': '还没有代表评议',
  'pjm.rateTitle': '您是本项目的监督代表，请评议',
  'pjm.rateProgress': '进度',
  'pjm.rateQuality': '质量',
  'pjm.comment': '说说您看到的情况（可不填）',
  'pjm.submit': '提交评议',
  'pjm.thanks': '感谢您的评议',
  'pjm.more': '加载更多',
  'pjm.publicTitle': '民生实事进度公开',
  'pjm.publicHint': '无需登录：选择镇（街道）和村（社区），查看本村、本镇和全市的民生实事进展',
  'pjm.pickTown': '选择镇（街道）',
  'pjm.pickVillage': '选择村（社区）',
  'pjm.toSignIn': '登录后可参与评议和办事',
} as const;

const projectsEn: Record<keyof typeof projectsZh, string> = {
  'pjm.card': 'Projects',
  'pjm.cardHint': 'How the livelihood projects near you are going',
  'pjm.title': 'Livelihood projects near me',
  'pjm.empty': 'No livelihood project near you yet',
  'pjm.budget': 'budget {yuan} yuan',
  'pjm.due': 'due {date}',
  'pjm.progress': 'Progress',
  'pjm.milestones': 'Milestones',
  'pjm.late': 'overdue',
  'pjm.ratings': "Representatives' ratings: {n}, progress {p}, quality {q}",
  'pjm.noRatings': 'No rating yet',
  'pjm.rateTitle': 'You supervise this project: rate it',
  'pjm.rateProgress': 'Progress',
  'pjm.rateQuality': 'Quality',
  'pjm.comment': 'What you saw (optional)',
  'pjm.submit': 'Send my rating',
  'pjm.thanks': 'Thank you for your rating',
  'pjm.more': 'Load more',
  'pjm.publicTitle': 'Livelihood projects: progress',
  'pjm.publicHint': 'No sign-in needed: pick a town and a village to see its, its town’s and the county’s projects',
  'pjm.pickTown': 'Pick a town',
  'pjm.pickVillage': 'Pick a village or community',
  'pjm.toSignIn': 'Sign in to rate projects and get things done',
};

export const projectsTab: ResidentTab<typeof projectsZh> = {
  path: '/projects',
  icon: <BuildOutlined />,
  title: 'pjm.card',
  testId: 'tab-projects',
  tabBar: false,
  homeCard: { title: 'pjm.card', hint: 'pjm.cardHint' },
  routes: [{ path: '/projects', element: page(() => import('./ProjectsNearPage'), 'ProjectsNearPage') }],
  messages: { zh: projectsZh, en: projectsEn },
};
