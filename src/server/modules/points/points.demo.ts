/**
 * Demo (issue #11 item 14): 百子庵村's 积分超市 has things in stock, put there by the demo's village
 * officer through the service (audited), so the resident app's shop is not empty on first start.
 */
import type { Deps } from '../../platform/deps';
import { activeGrants } from '../access';
import { demoStaffId } from './points.demo.repo';
import { createItem, itemsForStaff } from './shop.service';

const VILLAGE = '421081107212'; // 百子庵村
const ITEMS = [
  { name: '洗衣液（2 kg）', description: '村党群服务中心领取', pricePoints: 50, stock: 30, perPersonLimit: 2 },
  { name: '大米（5 kg）', description: '本村合作社产', pricePoints: 120, stock: 20, perPersonLimit: 1 },
  { name: '毛巾两条', description: '', pricePoints: 20, stock: 60 },
  { name: '理发一次', description: '村理发室，凭取货码', pricePoints: 30, stock: 40 },
];

export async function pointsDemo(deps: Deps): Promise<string | null> {
  const userId = await demoStaffId(deps.db, 'baizian');
  if (!userId) return null;
  const actor = {
    kind: 'user' as const,
    userId,
    userKind: 'staff' as const,
    displayName: '百子庵村干部（演示）',
    homeDivisionCode: null,
    grants: await activeGrants(deps.db, userId),
    ip: null,
  };
  if ((await itemsForStaff(deps, actor)).items.length > 0) return null;
  for (const item of ITEMS) await createItem(deps, actor, { divisionCode: VILLAGE, ...item });
  return `points: ${ITEMS.length} things in 百子庵村's 积分超市`;
}
