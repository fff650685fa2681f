/**
 * The points module's public surface (积分 and 积分超市). It is wired in by its manifest,
 * points.module.ts (routes, the `cases.filed` subscription, the timer, `points reconcile`).
 */
import type { Deps } from '../../platform/deps';
import type { App } from '../../platform/http/types';
import { creditDuePoints } from './approval.service';
import consolePointsRoutes from './console.routes';
import { expirePoints } from './ledger.service';
import { releaseExpiredReservations } from './redemption.service';
import residentPointsRoutes from './resident.routes';

export { creditDuePoints } from './approval.service';
export {
  awardForService,
  casesFiledHandler,
  createRuleVersion,
  manualAward,
  type ServiceAwardInput,
} from './earning.service';
export { expirePoints } from './ledger.service';
export { confirmPickup, redeem, releaseExpiredReservations } from './redemption.service';
export { reconcile, type ReconcileResult } from './reconcile';

export default async function pointsRoutes(app: App, deps: Deps) {
  await residentPointsRoutes(app, deps);
  await consolePointsRoutes(app, deps);
}

/** One timer tick: credit awards whose publicity ended, release expired reservations, expire points. */
export async function runPointsTimers(deps: Deps) {
  const credited = await creditDuePoints(deps);
  const released = await releaseExpiredReservations(deps);
  const expired = await expirePoints(deps);
  return { ...credited, ...released, expiredAccounts: expired.accounts, expiredPoints: expired.points };
}
