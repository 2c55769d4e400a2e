import { describe, expect, it } from "vitest"
import { canTransition, grantsCover, guessEmbedKind, offSaleReason, openPin, pinPlan, sessionDeletable, sessionEditable, type SaleState } from "../../plugins/livestream/src/lib/livestream-rules"

describe("livestream rules", () => {
  it("sessions go scheduled → live → ended and nowhere else", () => {
    expect(canTransition("scheduled", "live")).toBe(true)
    expect(canTransition("live", "ended")).toBe(true)
    for (const [from, to] of [["scheduled", "ended"], ["live", "scheduled"], ["ended", "live"], ["ended", "scheduled"], ["live", "live"]] as const) {
      expect(canTransition(from, to)).toBe(false)
    }
    expect([sessionEditable("scheduled"), sessionEditable("live"), sessionEditable("ended")]).toEqual([true, true, false])
    expect([sessionDeletable("scheduled"), sessionDeletable("live"), sessionDeletable("ended")]).toEqual([true, false, false])
  })

  it("grants cover a supplier's products and a category with its sub-categories", () => {
    const product = { supplier_id: "sup_1", category_paths: ["pcat_root.pcat_office.pcat_chairs"] }
    expect(grantsCover([{ kind: "supplier", target_id: "sup_1" }], product)).toBe(true)
    expect(grantsCover([{ kind: "supplier", target_id: "sup_2" }], product)).toBe(false)
    expect(grantsCover([{ kind: "category", target_id: "pcat_office" }], product)).toBe(true)
    expect(grantsCover([{ kind: "category", target_id: "pcat_chairs" }], product)).toBe(true)
    expect(grantsCover([{ kind: "category", target_id: "pcat_desks" }], product)).toBe(false)
    expect(grantsCover([{ kind: "category", target_id: "pcat_off" }], product)).toBe(false)
    expect(grantsCover([], product)).toBe(false)
    expect(grantsCover([{ kind: "supplier", target_id: "sup_1" }], { supplier_id: null, category_paths: [] })).toBe(false)
  })

  it("an item is off sale when deleted, unpublished, out of stock or past its live cap", () => {
    const base: SaleState = { product_exists: true, product_published: true, variant_exists: true, always_available: false, available_quantity: 3, live_stock_cap: null, sold_quantity: 0 }
    expect(offSaleReason(base)).toBeNull()
    expect(offSaleReason({ ...base, product_exists: false })).toBe("product_missing")
    expect(offSaleReason({ ...base, product_published: false })).toBe("product_unpublished")
    expect(offSaleReason({ ...base, variant_exists: false })).toBe("variant_missing")
    expect(offSaleReason({ ...base, available_quantity: 0 })).toBe("out_of_stock")
    expect(offSaleReason({ ...base, available_quantity: 0, always_available: true })).toBeNull()
    expect(offSaleReason({ ...base, live_stock_cap: 5, sold_quantity: 5 })).toBe("live_cap_reached")
    expect(offSaleReason({ ...base, live_stock_cap: 5, sold_quantity: 4 })).toBeNull()
  })

  it("pinning: the same item again changes nothing, another closes the open pin", () => {
    const closed = { id: "lpin_1", lineup_item_id: "lsit_a", pinned_at: "2026-01-01T00:00:00Z", unpinned_at: "2026-01-01T00:05:00Z" }
    const open = { id: "lpin_2", lineup_item_id: "lsit_b", pinned_at: "2026-01-01T00:05:00Z", unpinned_at: null }
    expect(openPin([closed, open])).toBe(open)
    expect(openPin([closed])).toBeNull()
    expect(pinPlan([closed, open], "lsit_b")).toEqual({ kind: "unchanged", pin: open })
    expect(pinPlan([closed, open], "lsit_a")).toEqual({ kind: "switch", close: open })
    expect(pinPlan([], "lsit_a")).toEqual({ kind: "switch", close: null })
  })

  it("guesses the embed kind from the stream URL", () => {
    expect(guessEmbedKind(null)).toBe("platform")
    expect(guessEmbedKind("https://channels.weixin.qq.com/live/x")).toBe("wechat_channels")
    expect(guessEmbedKind("https://live.douyin.com/12345")).toBe("douyin")
    expect(guessEmbedKind("https://example.com/stream")).toBe("other")
    expect(guessEmbedKind("not a url")).toBe("other")
  })
})
