/**
 * Bump when the seed's content changes in a way an existing database should pick up.
 * 2: the catalogue's suppliers become supplier records with owner logins, linked to their products.
 */
export const SEED_VERSION = 2
/** Key in the store's metadata under which the seed records what it wrote. */
export const SEED_MARKER_KEY = "gongwucang_seed"
