/**
 * The service circle's public surface. `circleGaps` is the seam for the three lists (issue #15: "a
 * gap becomes a problem on the three lists"): every (village, kind) with uncovered homes, for the
 * worklists module to file as problems. Nothing here calls that module.
 */
export { circleGaps } from './coverage.service';
