/** The cockpit's policy, big-screen links and map: what src/server/cockpit (the joiner) uses. */
export { cockpitViewer, type CockpitViewer, defaultPlace } from './cockpit.policy';
export { screenToken } from './screens.routes';
export { screenPlace } from './screens.service';
export { type CockpitMap, cockpitMap } from './map.service';
