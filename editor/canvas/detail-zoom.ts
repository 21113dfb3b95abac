/**
 * Below this zoom the cards drop their bodies, so a large flow seen whole stays fluid. Sizes measured
 * then are not the cards' real sizes, so they are not recorded for the layout.
 */
export const DETAIL_ZOOM = 0.45;
