// The showroom plugin's pure rules: Asia/Shanghai calendar days and months for themes and
// analytics, how themes and events are shown (seats left, sign-up open), the columns a theme is
// stored as, and the request schemas' answers (dates, phone numbers, tags, label queries).

import { describe, expect, it } from "vitest"
import {
  CreateEvent,
  CreateTheme,
  LabelsQuery,
  TagInput,
  UpdateExhibit,
} from "../../plugins/showroom/src/api/admin/showroom/validators"
import { StoreScan, StoreSignup } from "../../plugins/showroom/src/api/store/showroom/validators"
import {
  isCalendarDay,
  isThemeCurrent,
  shanghaiDay,
  shanghaiDayStart,
  shanghaiMonth,
  shanghaiMonthRange,
  themeEndsAt,
} from "../../plugins/showroom/src/lib/showroom-dates"
import { eventView, themeView } from "../../plugins/showroom/src/lib/showroom-views"
import { themeColumns } from "../../plugins/showroom/src/workflows/steps"

describe("Shanghai days and months", () => {
  it("takes the calendar day and month in UTC+8, not UTC", () => {
    expect(shanghaiDay(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-01")
    expect(shanghaiDay(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11-30")
    expect(shanghaiMonth(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01")
    expect(shanghaiDayStart("2026-03-01").toISOString()).toBe("2026-02-28T16:00:00.000Z")
  })

  it("gives a month's [start, end) including December → January", () => {
    const { start, end } = shanghaiMonthRange("2026-12")
    expect(start.toISOString()).toBe("2026-11-30T16:00:00.000Z")
    expect(end.toISOString()).toBe("2026-12-31T16:00:00.000Z")
    expect(shanghaiMonthRange("2026-02").end.toISOString()).toBe("2026-02-28T16:00:00.000Z")
  })

  it("keeps a theme current through the whole of its last day", () => {
    const theme = { starts_on: shanghaiDayStart("2026-03-01"), ends_on: shanghaiDayStart("2026-03-31") }
    expect(themeEndsAt(theme.ends_on).toISOString()).toBe("2026-03-31T16:00:00.000Z")
    expect(isThemeCurrent(theme, new Date("2026-02-28T15:59:59Z"))).toBe(false)
    expect(isThemeCurrent(theme, new Date("2026-02-28T16:00:00Z"))).toBe(true)
    expect(isThemeCurrent(theme, new Date("2026-03-31T15:59:59Z"))).toBe(true)
    expect(isThemeCurrent(theme, new Date("2026-03-31T16:00:00Z"))).toBe(false)
  })

  it("knows real calendar days", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true)
    expect(isCalendarDay("2026-02-29")).toBe(false)
    expect(isCalendarDay("2026-04-31")).toBe(false)
    expect(isCalendarDay("2026-4-1")).toBe(false)
  })
})

describe("theme and event views", () => {
  it("stores a theme's days as 00:00 Shanghai with its lists wrapped, and shows them back as written", () => {
    const columns = themeColumns({
      centre_id: "xctr_1",
      title: "信创月",
      starts_on: "2026-03-01",
      ends_on: "2026-03-31",
      hero_media: [{ url: "https://example.cn/a.jpg", kind: "image" }],
      featured_product_ids: ["prod_1"],
      featured_exhibit_ids: [],
      status: "published",
    })
    expect(columns).toMatchObject({
      starts_on: new Date("2026-02-28T16:00:00.000Z"),
      ends_on: new Date("2026-03-30T16:00:00.000Z"),
      hero_media: { items: [{ url: "https://example.cn/a.jpg", kind: "image", alt: null }] },
      featured_product_ids: { ids: ["prod_1"] },
      featured_exhibit_ids: { ids: [] },
    })
    expect(themeColumns({ title: "只改标题" })).toEqual({ title: "只改标题" })
    const view = themeView({ id: "xthm_1", ...columns })
    expect(view).toMatchObject({ starts_on: "2026-03-01", ends_on: "2026-03-31", featured_product_ids: ["prod_1"], hero_media: [{ url: "https://example.cn/a.jpg" }] })
  })

  it("counts seats left and closes sign-up when full, closed or started", () => {
    const now = Date.parse("2026-05-01T00:00:00Z")
    const event = { id: "xevt_1", capacity: 10, starts_at: "2026-05-10T02:00:00Z", ends_at: "2026-05-10T04:00:00Z", signup_closes_at: null }
    expect(eventView(event, 4, now)).toMatchObject({ seats_taken: 4, seats_left: 6, signup_open: true })
    expect(eventView(event, 10, now)).toMatchObject({ seats_left: 0, signup_open: false })
    expect(eventView({ ...event, signup_closes_at: "2026-04-30T00:00:00Z" }, 0, now).signup_open).toBe(false)
    expect(eventView(event, 0, Date.parse("2026-05-10T02:00:00Z")).signup_open).toBe(false)
  })
})

describe("request schemas", () => {
  it("takes a theme's days as real dates with the end not before the start", () => {
    const base = { centre_id: "xctr_1", title: "主题" }
    expect(CreateTheme.safeParse({ ...base, starts_on: "2026-03-01", ends_on: "2026-03-01" }).success).toBe(true)
    const backwards = CreateTheme.safeParse({ ...base, starts_on: "2026-03-02", ends_on: "2026-03-01" })
    expect(backwards.success).toBe(false)
    expect(backwards.error?.issues[0].path).toEqual(["ends_on"])
    expect(CreateTheme.safeParse({ ...base, starts_on: "2026-02-30", ends_on: "2026-03-01" }).success).toBe(false)
    const parsed = CreateTheme.parse({ ...base, starts_on: "2026-03-01", ends_on: "2026-03-31" })
    expect(parsed).toMatchObject({ status: "draft", hero_media: [], featured_product_ids: [] })
  })

  it("takes events with ISO times, end after start, capacity at least 1", () => {
    const ok = CreateEvent.safeParse({ title: "体验会", starts_at: "2026-05-10T10:00:00+08:00", ends_at: "2026-05-10T12:00:00+08:00", capacity: 20 })
    expect(ok.success).toBe(true)
    expect(CreateEvent.safeParse({ title: "体验会", starts_at: "2026-05-10T10:00:00+08:00", ends_at: "2026-05-10T10:00:00+08:00", capacity: 20 }).success).toBe(false)
    expect(CreateEvent.safeParse({ title: "体验会", starts_at: "May 10", ends_at: "2026-05-10T12:00:00+08:00", capacity: 20 }).success).toBe(false)
    expect(CreateEvent.safeParse({ title: "体验会", starts_at: "2026-05-10T10:00:00+08:00", ends_at: "2026-05-10T12:00:00+08:00", capacity: 0 }).success).toBe(false)
  })

  it("normalises mainland mobile numbers and bounds the party size", () => {
    expect(StoreSignup.parse({ name: "张三", phone: "+86 138-0013-8000" })).toMatchObject({ phone: "13800138000", party_size: 1 })
    expect(StoreSignup.safeParse({ name: "张三", phone: "12800138000" }).success).toBe(false)
    expect(StoreSignup.safeParse({ name: "张三", phone: "1380013800" }).success).toBe(false)
    expect(StoreSignup.safeParse({ name: "张三", phone: "13800138000", party_size: 5 }).success).toBe(true)
    expect(StoreSignup.safeParse({ name: "张三", phone: "13800138000", party_size: 6 }).success).toBe(false)
    expect(StoreSignup.parse({ name: "张三", phone: "13800138000", email: "" }).email).toBeNull()
  })

  it("takes a tag as {epc} or {gtin, serial?}, not both; labels by exhibits or by zone, not both", () => {
    expect(TagInput.safeParse({ epc: "E2801160" }).success).toBe(true)
    expect(TagInput.safeParse({ gtin: "6971234000017", serial: 3 }).success).toBe(true)
    expect(TagInput.safeParse({ gtin: "6971234000017", epc: "E2801160" }).success).toBe(false)
    expect(TagInput.safeParse({}).success).toBe(false)
    expect(LabelsQuery.parse({ exhibit_ids: "xexh_1, xexh_2" })).toEqual({ exhibit_ids: ["xexh_1", "xexh_2"] })
    expect(LabelsQuery.safeParse({ exhibit_ids: "xexh_1", zone_id: "xzon_1" }).success).toBe(false)
    expect(LabelsQuery.safeParse({}).success).toBe(false)
  })

  it("takes 1–4 exhibits per scan and no unknown exhibit fields", () => {
    expect(StoreScan.safeParse({ kiosk_id: "xksk_1", exhibit_ids: ["a"] }).success).toBe(true)
    expect(StoreScan.safeParse({ kiosk_id: "xksk_1", exhibit_ids: ["a", "b", "c", "d", "e"] }).success).toBe(false)
    expect(StoreScan.safeParse({ kiosk_id: "xksk_1", exhibit_ids: [] }).success).toBe(false)
    expect(UpdateExhibit.safeParse({ status: "withdrawn" }).success).toBe(false)
  })
})
