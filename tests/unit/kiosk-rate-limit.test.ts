import { describe, expect, it } from "vitest"
import { DEFAULT_KIOSK_RATE_LIMIT, parseKioskRateLimit, TokenBuckets } from "../../plugins/showroom/src/lib/kiosk-rate-limit"

describe("kiosk token buckets", () => {
  it("lets a burst through, then refuses with Retry-After, and refills at the rate", () => {
    let now = 1_000_000
    const buckets = new TokenBuckets({ rate: 50, burst: 100 }, () => now)
    const first = Array.from({ length: 100 }, () => buckets.take("k1"))
    expect(first.every((d) => d.allowed)).toBe(true)
    const refused = buckets.take("k1")
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 })
    now += 20 // one token back at 50/s
    expect(buckets.take("k1").allowed).toBe(true)
    expect(buckets.take("k1").allowed).toBe(false)
    now += 1_000 // 50 more
    expect(Array.from({ length: 50 }, () => buckets.take("k1").allowed).every(Boolean)).toBe(true)
    expect(buckets.take("k1").allowed).toBe(false)
    now += 60_000 // never more than the burst
    expect(Array.from({ length: 101 }, () => buckets.take("k1").allowed).filter(Boolean)).toHaveLength(100)
  })

  it("keeps one bucket per key", () => {
    const now = 0
    const buckets = new TokenBuckets({ rate: 1, burst: 2 }, () => now)
    expect([buckets.take("a").allowed, buckets.take("a").allowed, buckets.take("a").allowed]).toEqual([true, true, false])
    expect(buckets.take("b").allowed).toBe(true)
  })

  it("says how long to wait at slow rates and peeks without taking", () => {
    let now = 0
    const buckets = new TokenBuckets({ rate: 1 / 6, burst: 2 }, () => now)
    buckets.take("x")
    expect(buckets.peek("x").allowed).toBe(true)
    buckets.take("x")
    const d = buckets.peek("x")
    expect(d.allowed).toBe(false)
    expect(d.retryAfterSeconds).toBe(6)
    now += 3_000
    expect(buckets.peek("x").retryAfterSeconds).toBe(3)
    now += 3_000
    expect(buckets.peek("x").allowed).toBe(true)
  })

  it("forgets full buckets so memory stays bounded", () => {
    let now = 0
    const buckets = new TokenBuckets({ rate: 10, burst: 10 }, () => now)
    for (let i = 0; i < 1000; i++) buckets.take(`key-${i}`)
    expect(buckets.size).toBe(1000)
    now += 61_000
    buckets.take("fresh")
    expect(buckets.size).toBe(1)
  })

  it("refuses a nonsensical configuration", () => {
    expect(() => new TokenBuckets({ rate: 0, burst: 10 })).toThrow()
    expect(() => new TokenBuckets({ rate: 5, burst: 0 })).toThrow()
  })
})

describe("GWC_KIOSK_RATE_LIMIT", () => {
  it("reads `<rate>` and `<rate>/<burst>`, falling back to 50/s with bursts of 100", () => {
    expect(parseKioskRateLimit(undefined)).toEqual(DEFAULT_KIOSK_RATE_LIMIT)
    expect(DEFAULT_KIOSK_RATE_LIMIT).toEqual({ rate: 50, burst: 100 })
    expect(parseKioskRateLimit("20")).toEqual({ rate: 20, burst: 40 })
    expect(parseKioskRateLimit("20/25")).toEqual({ rate: 20, burst: 25 })
    expect(parseKioskRateLimit(" 5 , 7 ")).toEqual({ rate: 5, burst: 7 })
    expect(parseKioskRateLimit("0.5")).toEqual({ rate: 0.5, burst: 1 })
    for (const bad of ["", "fast", "-1", "0", "10/0", "1e9x"]) expect(parseKioskRateLimit(bad)).toEqual(DEFAULT_KIOSK_RATE_LIMIT)
  })
})
