/** One pin / go-live / end of a session at a time; one go-live of a host at a time. */
export const sessionLock = (sessionId: string) => `livestream-session:${sessionId}`
export const hostLock = (hostId: string) => `livestream-host:${hostId}`
export const LOCK_TIMEOUT = 10
export const LOCK_TTL = 30
