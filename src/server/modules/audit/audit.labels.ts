/** The audit module's labels: the console home's counts (今日待办) for the audit administrator. Plain data. */
export const TODAY_LABELS = {
  denied: {
    label: { zh: '今日越权尝试', en: 'Refused today' },
    hint: { zh: '今天被拒绝的访问或操作，请核查', en: 'Access or actions refused today: review them' },
  },
  failure: {
    label: { zh: '今日失败操作', en: 'Failed today' },
    hint: { zh: '今天失败的登录与操作', en: 'Sign-ins and actions that failed today' },
  },
} as const;
