import { describe, expect, it } from "vitest"
import { store } from "../support/http"

describe("GET /store/platform/info (platform plugin)", () => {
  it("names the platform, lists the channels, marks the caller's, and tells the time in Asia/Shanghai", async () => {
    const before = Date.now()
    const { status, body } = await store("/store/platform/info", { channel: "showroom" })
    expect(status).toBe(200)
    expect(body.platform).toMatchObject({
      name: "现代公物仓",
      default_locale: "zh-CN",
      currency_code: "cny",
      time_zone: "Asia/Shanghai",
    })
    expect(body.platform.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    // The local time and the UTC instant describe the same moment, and it is now.
    const instant = new Date(body.platform.now).getTime()
    expect(instant).toBe(new Date(body.platform.now_utc).setMilliseconds(0))
    expect(Math.abs(instant - before)).toBeLessThan(10_000)

    const names = body.channels.map((c: { name: string }) => c.name)
    expect(names).toEqual(expect.arrayContaining(["Online store", "Showroom kiosks", "Livestream"]))
    const current = body.channels.filter((c: { is_current: boolean }) => c.is_current)
    expect(current.map((c: { name: string }) => c.name)).toEqual(["Showroom kiosks"])
  })

  it("marks the online store as current for the online key", async () => {
    const { body } = await store("/store/platform/info", { channel: "online" })
    expect(body.channels.filter((c: { is_current: boolean }) => c.is_current).map((c: { name: string }) => c.name)).toEqual([
      "Online store",
    ])
  })

  it("refuses a request without a publishable key with Medusa's 400", async () => {
    const { status, body } = await store("/store/platform/info", { channel: null })
    expect(status).toBe(400)
    expect(body.message).toMatch(/publishable api key required/i)
  })
})
