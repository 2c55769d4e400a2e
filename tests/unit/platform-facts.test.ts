import { afterEach, describe, expect, it } from "vitest"
import { localIsoTime, platformFacts } from "../../plugins/platform/src/lib/platform-facts"

afterEach(() => {
  delete process.env.PLATFORM_TIME_ZONE
})

describe("platform facts", () => {
  it("formats local time with the zone's offset", () => {
    const at = new Date("2026-11-22T01:30:05Z")
    expect(localIsoTime(at, "Asia/Shanghai")).toBe("2026-11-22T09:30:05+08:00")
    expect(localIsoTime(at, "UTC")).toBe("2026-11-22T01:30:05+00:00")
    expect(localIsoTime(new Date("2026-11-22T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-23T00:00:00+08:00")
  })

  it("defaults to Asia/Shanghai and honours a configured zone", () => {
    expect(platformFacts(new Date()).time_zone).toBe("Asia/Shanghai")
    process.env.PLATFORM_TIME_ZONE = "Asia/Urumqi"
    expect(platformFacts(new Date("2026-01-01T00:00:00Z")).now).toBe("2026-01-01T06:00:00+06:00")
  })

  it("fails loudly on an unknown zone", () => {
    process.env.PLATFORM_TIME_ZONE = "Mars/Olympus"
    expect(() => platformFacts(new Date())).toThrow(RangeError)
  })
})
