/** Lock keys: tags are numbered / registered one request at a time; themes of the platform are checked for overlap one change at a time; one event's seats are counted one sign-up at a time. */
export const TAGS_LOCK = "showroom-tags"
export const THEMES_LOCK = "showroom-themes"
export const eventLock = (eventId: string) => `showroom-event:${eventId}`
export const orderAttributionLock = (orderId: string) => `showroom-attribution:${orderId}`
export const LOCK_TIMEOUT = 10
export const LOCK_TTL = 30
