/** 啄木鸟志愿者报名: join the woodpecker team of one's village, and see the application's state (a home card). */
import { TeamOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';

const woodpeckerZh = {
  'wpm.card': '啄木鸟志愿者',
  'wpm.cardHint': '报名加入本村啄木鸟队伍，发现问题随手报',
  'wpm.title': '加入啄木鸟志愿者队伍',
  'wpm.about': '啄木鸟志愿者随手发现身边的问题并上报，经审核后可获得积分。报名后由村（社区）干部审核。',
  'wpm.member': '您已是{village}的啄木鸟志愿者（{date}加入）',
  'wpm.village': '报名的村（社区）',
  'wpm.statement': '想说的话（可不填）',
  'wpm.statementHint': '比如：我常在村里走动，愿意帮忙发现问题',
  'wpm.apply': '提交报名',
  'wpm.applied': '报名已提交，请等待村里审核',
  'wpm.needPlace': '还不知道您住在哪个村（社区）。请先到“我的”里设置所在村（社区）。',
  'wpm.history': '我的报名',
  'wpm.reason': '理由：{reason}',
  'wpm.pendingNote': '您的报名正在审核中，审核后会在这里显示结果。',
} as const;

const woodpeckerEn: Record<keyof typeof woodpeckerZh, string> = {
  'wpm.card': 'Woodpecker volunteers',
  'wpm.cardHint': 'Join your village’s woodpecker team and report what you see',
  'wpm.title': 'Join the woodpecker team',
  'wpm.about':
    'Woodpecker volunteers report problems they notice around them and may earn points once reports are reviewed. The village officer reviews each application.',
  'wpm.member': 'You are a woodpecker volunteer of {village} (since {date})',
  'wpm.village': 'Village or community',
  'wpm.statement': 'Anything you want to say (optional)',
  'wpm.statementHint': 'e.g. I walk around the village often and would like to help',
  'wpm.apply': 'Apply',
  'wpm.applied': 'Application sent; the village will review it',
  'wpm.needPlace': 'We do not know your village yet. Set it under “Me” first.',
  'wpm.history': 'My applications',
  'wpm.reason': 'Reason: {reason}',
  'wpm.pendingNote': 'Your application is being reviewed; the answer will show here.',
};

export const woodpeckerTab: ResidentTab<typeof woodpeckerZh> = {
  path: '/woodpecker',
  icon: <TeamOutlined />,
  title: 'wpm.card',
  testId: 'tab-woodpecker',
  tabBar: false,
  homeCard: { title: 'wpm.card', hint: 'wpm.cardHint' },
  routes: [{ path: '/woodpecker', element: page(() => import('./WoodpeckerPage'), 'WoodpeckerPage') }],
  messages: { zh: woodpeckerZh, en: woodpeckerEn },
};
