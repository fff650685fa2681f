/** 常见问题 (problems in plain words, issue #11): console strings. */
export const problemWordsZh = {
  'menu.problemWords': '常见问题',
  'pw.hint': '居民上报时看到的问题说法（如“路灯不亮”），每个对应一个案件类别；同一说法只能属于一个问题',
  'pw.word': '问题说法',
  'pw.synonyms': '同义说法',
  'pw.synonymsHint': '居民可能这样说：输入后回车，可多个（如“狗”“狗叫”）',
  'pw.category': '对应类别',
  'pw.order': '排序',
  'pw.enabled': '启用',
  'pw.add': '新增常见问题',
  'pw.edit': '修改常见问题',
  'pw.saved': '已保存',
  'pw.search': '搜索说法或类别',
  'pw.on': '启用',
  'pw.off': '停用',
};

export const problemWordsEn: Record<keyof typeof problemWordsZh, string> = {
  'menu.problemWords': 'Common problems',
  'pw.hint':
    'The plain words residents pick when reporting (e.g. 路灯不亮, street light out), each mapped to a case category; a term belongs to one problem only',
  'pw.word': 'Problem',
  'pw.synonyms': 'Synonyms',
  'pw.synonymsHint': 'How residents may say it: type and press Enter, several allowed',
  'pw.category': 'Category',
  'pw.order': 'Order',
  'pw.enabled': 'Enabled',
  'pw.add': 'Add a common problem',
  'pw.edit': 'Edit common problem',
  'pw.saved': 'Saved',
  'pw.search': 'Search terms or category',
  'pw.on': 'On',
  'pw.off': 'Off',
};
