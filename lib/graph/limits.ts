/** Bounds shared by the API, the data layer and the client. */
export const MAX_PATH_HOPS = 8;
export const NEIGHBOR_PAGE_SIZE = 25;
/** The largest page of neighbours the API hands out at once. */
export const MAX_NEIGHBOR_PAGE = 200;
