import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOWROOM_MODULE } from "../modules/showroom"
import type ShowroomModuleService from "../modules/showroom/service"
import { kioskKeyFromHeaders, kioskKeyMatches, parseKioskKey } from "./kiosk-key"
import { KIOSK_MESSAGES } from "./kiosk-messages"
import { DEFAULT_KIOSK_FAILURE_LIMIT, parseKioskRateLimit, TokenBuckets } from "./kiosk-rate-limit"

/** The kiosk a request authenticated as (set by `authenticateKiosk`). */
export interface KioskActor {
  id: string
  name: string
  centre_id: string
  zone_id: string
  antennas: string[]
  key_id: string
}

export type KioskRequest<Body = unknown> = MedusaRequest<Body> & { kiosk: KioskActor }

export function antennaList(value: unknown): string[] {
  const ids = (value as { ids?: unknown } | null)?.ids
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : []
}

export function showroomService(scope: { resolve: (key: string) => unknown }): ShowroomModuleService {
  return scope.resolve(SHOWROOM_MODULE) as ShowroomModuleService
}

const BUCKETS_KEY = Symbol.for("gongwucang.showroom.kiosk-buckets")

interface KioskLimits {
  requests: TokenBuckets
  failures: TokenBuckets
  /**
   * key_id → the key hash last read for it. Only used to REFUSE a wrong key cheaply while its
   * key_id is locked by failed attempts; a key that matches is always checked against the row
   * (revocation). A key_id's hash never changes (rotation issues a new key_id), so it cannot go
   * stale in a way that lets a key through. Holds existing kiosks only.
   */
  knownHashes: Map<string, string>
}

/** Request and failure buckets, shared by every copy of this module in the process. */
export function kioskBuckets(): KioskLimits {
  const g = globalThis as unknown as Record<symbol, KioskLimits | undefined>
  g[BUCKETS_KEY] ??= {
    requests: new TokenBuckets(parseKioskRateLimit(process.env.GWC_KIOSK_RATE_LIMIT)),
    failures: new TokenBuckets(DEFAULT_KIOSK_FAILURE_LIMIT),
    knownHashes: new Map(),
  }
  return g[BUCKETS_KEY]!
}

function refuse(res: MedusaResponse, status: number, message: string, retryAfter?: number) {
  if (retryAfter) res.setHeader("Retry-After", String(retryAfter))
  res.setHeader("Cache-Control", "no-store")
  res.status(status).json({ type: status === 429 ? "too_many_requests" : "unauthorized", message })
}

/**
 * Every /kiosk/* request: the kiosk's own key (`Authorization: Kiosk <key>` or `x-kiosk-key`),
 * nothing else — admin, customer and publishable tokens are not kiosk keys. The kiosk row is
 * read on every request (no cache), so a revoked or rotated key is refused at once.
 * Rate limited per key_id before touching the database; failed checks have a tighter bucket
 * (10, then one per 6 s) after which wrong keys for that key_id get 429 while the right one works.
 */
export async function authenticateKiosk(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const presented = kioskKeyFromHeaders(req.headers)
    if (!presented) return refuse(res, 401, KIOSK_MESSAGES.noKey)
    const parsed = parseKioskKey(presented)
    if (!parsed) return refuse(res, 401, KIOSK_MESSAGES.malformed)

    const { requests, failures, knownHashes } = kioskBuckets()
    // Too many wrong keys for this key_id: refuse further wrong ones without touching the
    // database, but let the kiosk's own key through (someone who learnt a key_id cannot lock
    // that kiosk out).
    const failing = failures.peek(parsed.key_id)
    if (!failing.allowed) {
      const known = knownHashes.get(parsed.key_id)
      if (!known || !kioskKeyMatches(parsed.key, known)) return refuse(res, 429, KIOSK_MESSAGES.tooManyFailures, failing.retryAfterSeconds)
    }
    const decision = requests.take(parsed.key_id)
    if (!decision.allowed) return refuse(res, 429, KIOSK_MESSAGES.rateLimited, decision.retryAfterSeconds)

    const [kiosk] = await showroomService(req.scope).listKiosks(
      { key_id: parsed.key_id },
      { select: ["id", "name", "centre_id", "zone_id", "antennas", "key_id", "key_hash", "revoked_at"], take: 1 }
    )
    if (kiosk) knownHashes.set(kiosk.key_id, kiosk.key_hash)
    if (!kiosk || !kioskKeyMatches(parsed.key, kiosk.key_hash)) {
      failures.take(parsed.key_id)
      return refuse(res, 401, KIOSK_MESSAGES.wrongKey)
    }
    if (kiosk.revoked_at) return refuse(res, 401, KIOSK_MESSAGES.revoked)
    ;(req as KioskRequest).kiosk = {
      id: kiosk.id,
      name: kiosk.name,
      centre_id: (kiosk as unknown as { centre_id: string }).centre_id,
      zone_id: (kiosk as unknown as { zone_id: string }).zone_id,
      antennas: antennaList(kiosk.antennas),
      key_id: kiosk.key_id,
    }
    next()
  } catch (error) {
    next(error)
  }
}
