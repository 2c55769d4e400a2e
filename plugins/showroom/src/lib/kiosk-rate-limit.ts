/**
 * Token buckets per kiosk key_id (限流). A bucket holds up to `burst` tokens and refills at `rate`
 * tokens per second; each request takes one. Pure apart from the injected clock, so the unit
 * test drives time by hand. In-process: one backend process keeps its own buckets (a shared
 * store is for when the backend runs several processes).
 */

export interface RateLimitConfig {
  /** Tokens added per second. */
  rate: number
  /** Bucket size: how many requests may arrive at once. */
  burst: number
}

export interface RateDecision {
  allowed: boolean
  /** Whole seconds until one token is back (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number
  remaining: number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>()
  private lastSweep = 0

  constructor(
    readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now
  ) {
    if (!(config.rate > 0) || !(config.burst >= 1)) throw new Error(`invalid rate limit ${JSON.stringify(config)}`)
  }

  private refill(key: string, at: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.config.burst, updatedAt: at }
    const elapsed = Math.max(0, at - bucket.updatedAt) / 1000
    bucket.tokens = Math.min(this.config.burst, bucket.tokens + elapsed * this.config.rate)
    bucket.updatedAt = at
    this.buckets.set(key, bucket)
    return bucket
  }

  /** Takes one token for `key` if there is one. */
  take(key: string): RateDecision {
    const at = this.now()
    this.sweep(at)
    const bucket = this.refill(key, at)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) }
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.config.rate)), remaining: 0 }
  }

  /** Whether `key` has a token, without taking it. */
  peek(key: string): RateDecision {
    const bucket = this.refill(key, this.now())
    return bucket.tokens >= 1
      ? { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) }
      : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.config.rate)), remaining: 0 }
  }

  /** Forgets buckets that are full again (every minute at most), so memory stays bounded. */
  private sweep(at: number) {
    if (at - this.lastSweep < 60_000) return
    this.lastSweep = at
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + (Math.max(0, at - bucket.updatedAt) / 1000) * this.config.rate
      if (tokens >= this.config.burst) this.buckets.delete(key)
    }
  }

  get size(): number {
    return this.buckets.size
  }
}

export const DEFAULT_KIOSK_RATE_LIMIT: RateLimitConfig = { rate: 50, burst: 100 }
/** Failed key checks per key_id: a burst of 10, then one every 6 s. */
export const DEFAULT_KIOSK_FAILURE_LIMIT: RateLimitConfig = { rate: 1 / 6, burst: 10 }

/**
 * GWC_KIOSK_RATE_LIMIT: `<per second>` or `<per second>/<burst>` (e.g. `50/100`); anything else
 * falls back to the default 50 per second with bursts of 100.
 */
export function parseKioskRateLimit(value: string | undefined): RateLimitConfig {
  if (!value?.trim()) return DEFAULT_KIOSK_RATE_LIMIT
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:[/,:]\s*(\d+))?\s*$/.exec(value)
  if (!m) return DEFAULT_KIOSK_RATE_LIMIT
  const rate = Number(m[1])
  const burst = m[2] ? Number(m[2]) : Math.max(1, Math.round(rate * 2))
  if (!(rate > 0) || !(burst >= 1)) return DEFAULT_KIOSK_RATE_LIMIT
  return { rate, burst }
}
