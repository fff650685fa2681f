/**
 * The beehive module's public surface (红色蜂巢 stations, new-employment workers, 五帮 requests).
 * The service circle counts stations as facilities through `stationPoints`.
 */
export { stationPoints } from './stations.service';
