import crypto from "node:crypto"

/**
 * Kiosk keys: `gwck_<key_id>_<secret>`. The key_id (public, 12 hex) finds the kiosk; only the
 * SHA-256 of the whole key is stored. A key has 256 random bits, so a fast hash is enough (no
 * password stretching) and verification stays cheap on every kiosk request.
 */
const KEY_PATTERN = /^gwck_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/

export interface IssuedKioskKey {
  /** Shown once to the operator; never stored. */
  key: string
  key_id: string
  key_hash: string
}

export function hashKioskKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex")
}

export function issueKioskKey(): IssuedKioskKey {
  const key_id = crypto.randomBytes(6).toString("hex")
  const secret = crypto.randomBytes(32).toString("base64url")
  const key = `gwck_${key_id}_${secret}`
  return { key, key_id, key_hash: hashKioskKey(key) }
}

/** Deterministic key for demo data (seed): same secret + name, same key. */
export function demoKioskKey(secret: string, name: string): IssuedKioskKey {
  const digest = crypto.createHmac("sha256", secret).update(`kiosk:${name}`).digest()
  const key_id = digest.subarray(0, 6).toString("hex")
  const rest = crypto.createHmac("sha256", secret).update(`kiosk-secret:${name}`).digest().toString("base64url")
  const key = `gwck_${key_id}_${rest}`
  return { key, key_id, key_hash: hashKioskKey(key) }
}

/** The key_id of a well-formed key, or null. */
export function parseKioskKey(key: string | undefined | null): { key: string; key_id: string } | null {
  if (!key) return null
  const m = KEY_PATTERN.exec(key.trim())
  return m ? { key: key.trim(), key_id: m[1] } : null
}

/** Constant-time comparison of a presented key with the stored hash. */
export function kioskKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashKioskKey(key), "hex")
  const b = Buffer.from(storedHash, "hex")
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

/** Reads the key from `Authorization: Kiosk <key>` or `x-kiosk-key`. */
export function kioskKeyFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers["authorization"]
  const value = Array.isArray(auth) ? auth[0] : auth
  if (value && /^kiosk\s+/i.test(value)) return value.replace(/^kiosk\s+/i, "").trim()
  const direct = headers["x-kiosk-key"]
  return (Array.isArray(direct) ? direct[0] : direct)?.trim() || null
}
