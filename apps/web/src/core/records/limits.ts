/** The API's largest page (records.routes.ts MAX_PAGE_SIZE). */
export const MAX_PAGE = 200;
/** Rows fetched per page of a list: a screenful and a half, so scrolling rarely waits. */
export const LIST_PAGE = 50;
