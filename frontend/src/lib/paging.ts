/** The list offset of the 1-based page in the address bar (`?seite=3`); 0 for a missing or bad value. */
export function pageOffset(search: URLSearchParams, pageSize: number): number {
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  return Number.isFinite(page) && page > 1 ? (page - 1) * pageSize : 0;
}
