/** At most this many pages per listing: a runaway token never loops forever. */
const MAX_PAGES = 1000;

/** Every item of a token-paginated listing (NextToken / Marker style), fetching pages until the token runs out. */
export const paginate = async <T>(fetchPage: (token: string | undefined) => Promise<{ readonly items: readonly T[]; readonly next: string | undefined }>): Promise<T[]> => {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, next } = await fetchPage(token);
    all.push(...items);
    if (!next) break;
    token = next;
  }
  return all;
};
