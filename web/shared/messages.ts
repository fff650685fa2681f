/** Strings both apps share; each app spreads these into its own dictionary. */
export const commonZh = {
  'app.name': '共同缔造智慧平台',
  'app.nameEn': 'Cocreate',
  'demo.banner': '演示环境 DEMO · 数据为虚构，请勿录入真实个人信息',
  'lang.zh': '中文',
  'lang.en': 'English',
  'action.signOut': '退出登录',
  'action.retry': '重试',
  'action.back': '返回',
  'action.refresh': '刷新',
  'action.cancel': '取消',
  'action.save': '保存',
  'common.loading': '加载中…',
  'common.none': '无',
  'common.loadFailed': '加载失败',
};

export const commonEn: Record<keyof typeof commonZh, string> = {
  'app.name': 'Cocreate',
  'app.nameEn': '共同缔造智慧平台',
  'demo.banner': 'DEMO 演示环境 · fictitious data, do not enter real personal information',
  'lang.zh': '中文',
  'lang.en': 'English',
  'action.signOut': 'Sign out',
  'action.retry': 'Retry',
  'action.back': 'Back',
  'action.refresh': 'Refresh',
  'action.cancel': 'Cancel',
  'action.save': 'Save',
  'common.loading': 'Loading…',
  'common.none': 'None',
  'common.loadFailed': 'Failed to load',
};
