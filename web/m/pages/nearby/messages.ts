/** 身边的事: the public reports of the county, near me first when the phone may say where it is. */
export const nearbyZh = {
  'nearby.title': '身边的事',
  'nearby.hint': '看看附近大家反映的问题和办理进展',
  'nearby.all': '全县',
  'nearby.near': '我附近',
  'nearby.locating': '正在获取位置…',
  'nearby.noLocation': '无法获取位置，显示全县的事',
  'nearby.empty': '这里还没有公开的问题',
  'nearby.received': '反映于 {at}',
  'nearby.closed': '办结于 {at}',
  'nearby.progress': '办理进展',
  'nearby.notFound': '没有找到这件事',
};

export const nearbyEn: Record<keyof typeof nearbyZh, string> = {
  'nearby.title': 'Around me',
  'nearby.hint': 'Problems neighbours reported nearby, and how they are being handled',
  'nearby.all': 'Whole county',
  'nearby.near': 'Near me',
  'nearby.locating': 'Finding your position…',
  'nearby.noLocation': 'Your position is not available: showing the whole county',
  'nearby.empty': 'No public reports here yet',
  'nearby.received': 'Reported {at}',
  'nearby.closed': 'Closed {at}',
  'nearby.progress': 'Progress',
  'nearby.notFound': 'This report was not found',
};
