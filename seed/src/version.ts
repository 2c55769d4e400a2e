/** Bump when the seed's content changes in a way an existing database should pick up. */
export const SEED_VERSION = 1
/** Key in the store's metadata under which the seed records what it wrote. */
export const SEED_MARKER_KEY = "gongwucang_seed"
