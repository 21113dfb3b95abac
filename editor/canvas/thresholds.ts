/**
 * Below this zoom the cards drop their bodies, so a large flow seen whole stays fluid. Sizes measured
 * then are not the cards' real sizes, so they are not recorded for the layout.
 */
export const DETAIL_ZOOM = 0.45;

/**
 * Flows up to this size open fitted to the view, every card drawn once to be measured. Larger ones
 * open at a readable zoom on their start node, and cards not yet drawn get estimated handles, so
 * only the visible cards are drawn (fitting 1,000 nodes would draw them all, unreadably small).
 */
export const LARGE_FLOW = 150;
