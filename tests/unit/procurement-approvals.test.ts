// Spending limits and approvals of buyer organisations (plugins/procurement) without a database:
// calendar periods in China time, which limits a cart goes over, whether an approval covers it,
// who may decide, the 403 message; the checkout-guard registry (plugins/platform) and the order
// timeline's approval step and deadlines (plugins/orders).

import { afterEach, describe, expect, it } from "vitest"
import { checkoutGuardNames, registerCheckoutGuard, runCheckoutGuards, unregisterCheckoutGuard } from "../../plugins/platform/src/lib/checkout-guards"
import { buildOrderProgress, insertProgressStep, ORDER_PROGRESS_STEPS, type OrderSnapshot } from "../../plugins/orders/src/lib/progress"
import { enrichOrderSnapshot, registerOrderSnapshotEnricher, unregisterOrderSnapshotEnricher } from "../../plugins/orders/src/lib/progress-extensions"
import { mayDecideApprovals, selfDecisionAllowed, seesWholeOrganization } from "../../plugins/procurement/src/lib/approval-rules"
import { approvalProgressStep } from "../../plugins/procurement/src/lib/approval-progress"
import {
  approvalCovers,
  approvalReasons,
  approvalRequiredMessage,
  budgetApplies,
  newRequestProblem,
  periodBounds,
  shanghaiYearMonth,
  sumYuan,
  yearBounds,
} from "../../plugins/procurement/src/lib/spending-rules"

const at = (iso: string) => new Date(iso)

describe("calendar periods in China time (Asia/Shanghai, UTC+8)", () => {
  it("months start at local midnight on the 1st, i.e. 16:00 UTC the day before", () => {
    const { start, end } = periodBounds("month", at("2026-11-22T09:00:00Z"))
    expect(start.toISOString()).toBe("2026-10-31T16:00:00.000Z")
    expect(end.toISOString()).toBe("2026-11-30T16:00:00.000Z")
  })

  it("an instant late on the last UTC day of a month is already in the next month in China", () => {
    // 2026-11-30 17:00 UTC is 2026-12-01 01:00 in Beijing.
    expect(periodBounds("month", at("2026-11-30T17:00:00Z")).start.toISOString()).toBe("2026-11-30T16:00:00.000Z")
    expect(periodBounds("month", at("2026-11-30T15:59:59Z")).start.toISOString()).toBe("2026-10-31T16:00:00.000Z")
  })

  it("quarters are Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec", () => {
    expect(periodBounds("quarter", at("2026-05-15T00:00:00Z"))).toEqual({ start: at("2026-03-31T16:00:00Z"), end: at("2026-06-30T16:00:00Z") })
    expect(periodBounds("quarter", at("2026-12-31T15:00:00Z"))).toEqual({ start: at("2026-09-30T16:00:00Z"), end: at("2026-12-31T16:00:00Z") })
    expect(periodBounds("quarter", at("2026-01-01T00:00:00Z")).start.toISOString()).toBe("2025-12-31T16:00:00.000Z")
  })

  it("years (and budget years) turn at midnight on 1 January in China", () => {
    expect(periodBounds("year", at("2026-12-31T16:30:00Z"))).toEqual(yearBounds(2027))
    expect(yearBounds(2026)).toEqual({ start: at("2025-12-31T16:00:00Z"), end: at("2026-12-31T16:00:00Z") })
    expect(shanghaiYearMonth(at("2026-12-31T16:00:00Z"))).toEqual({ year: 2027, month: 0 })
    expect(shanghaiYearMonth(at("2026-12-31T15:59:59Z"))).toEqual({ year: 2026, month: 11 })
  })

  it("a budget applies only in its own year", () => {
    const now = at("2026-06-01T00:00:00Z")
    expect(budgetApplies({ annual_budget: 1000, budget_year: 2026 }, now)).toBe(true)
    expect(budgetApplies({ annual_budget: 1000, budget_year: 2025 }, now)).toBe(false)
    expect(budgetApplies({ annual_budget: 1000, budget_year: 2027 }, now)).toBe(false)
    expect(budgetApplies({ annual_budget: null, budget_year: null }, now)).toBe(false)
  })
})

describe("which limits a cart goes over", () => {
  const open = { limit_per_order: null, limit_per_period: null, spent_in_period: 0, remaining_budget: null }

  it("needs nothing without limits", () => {
    expect(approvalReasons(1_000_000, open)).toEqual([])
  })

  it("checks the per-order limit; exactly at the limit is within it", () => {
    expect(approvalReasons(500, { ...open, limit_per_order: 500 })).toEqual([])
    expect(approvalReasons(500.01, { ...open, limit_per_order: 500 })).toEqual(["member_order_limit"])
  })

  it("adds the period's spending to the cart for the period limit, in whole fen", () => {
    expect(approvalReasons(0.3, { ...open, limit_per_period: 0.6, spent_in_period: 0.3 })).toEqual([])
    expect(approvalReasons(0.31, { ...open, limit_per_period: 0.6, spent_in_period: 0.3 })).toEqual(["member_period_limit"])
  })

  it("compares with what is left of the budget, and names every limit passed", () => {
    expect(approvalReasons(100, { ...open, remaining_budget: 100 })).toEqual([])
    expect(approvalReasons(100, { ...open, remaining_budget: 0 })).toEqual(["organization_budget"])
    expect(approvalReasons(900, { limit_per_order: 500, limit_per_period: 1000, spent_in_period: 200, remaining_budget: 800 })).toEqual([
      "member_order_limit",
      "member_period_limit",
      "organization_budget",
    ])
  })

  it("sums yuan without float dust", () => {
    expect(sumYuan([0.1, 0.2])).toBe(0.3)
    expect(sumYuan([1200000.5, -0.25])).toBe(1200000.25)
  })
})

describe("approvals covering a cart", () => {
  it("an approved request covers totals up to its amount; pending, rejected or superseded ones do not", () => {
    expect(approvalCovers({ status: "approved", amount: 100 }, 100)).toBe(true)
    expect(approvalCovers({ status: "approved", amount: 100 }, 99.99)).toBe(true)
    expect(approvalCovers({ status: "approved", amount: 100 }, 100.01)).toBe(false)
    for (const status of ["pending", "rejected", "superseded"] as const) expect(approvalCovers({ status, amount: 100 }, 1)).toBe(false)
    expect(approvalCovers(null, 1)).toBe(false)
  })

  it("a new request is refused when none is needed, one is pending or an approval covers the cart; allowed after a rejection", () => {
    expect(newRequestProblem(false, null, 10)).toBe("not_required")
    expect(newRequestProblem(true, { status: "pending", amount: 10 }, 10)).toBe("pending")
    expect(newRequestProblem(true, { status: "approved", amount: 10 }, 10)).toBe("covered")
    expect(newRequestProblem(true, { status: "approved", amount: 10 }, 11)).toBeNull()
    expect(newRequestProblem(true, { status: "rejected", amount: 10 }, 10)).toBeNull()
    expect(newRequestProblem(true, null, 10)).toBeNull()
  })

  it("the 403 names each limit and the request's state, in Chinese then English", () => {
    const figures = { total: 1200, limit_per_order: 1000, limit_per_period: 5000, limit_period: "quarter" as const, spent_in_period: 4000, remaining_budget: 300 }
    const message = approvalRequiredMessage(["member_order_limit", "member_period_limit", "organization_budget"], figures, null)
    expect(message).toMatch(/^需要审批：本单金额 ¥1200\.00 超过您的单笔限额 ¥1000\.00；本季度已用 ¥4000\.00/)
    expect(message).toContain("单位年度预算余额 ¥300.00")
    expect(message).toContain(" / approval required: the order total ¥1200.00 is above your per-order limit ¥1000.00")
    expect(approvalRequiredMessage(["member_order_limit"], figures, { status: "rejected", amount: 1200 })).toContain("已被驳回")
    expect(approvalRequiredMessage(["member_order_limit"], figures, { status: "pending", amount: 1200 })).toContain("待处理")
    expect(approvalRequiredMessage(["member_order_limit"], figures, { status: "approved", amount: 1100 })).toContain("已批准的金额 ¥1100.00 低于当前金额")
  })
})

describe("who decides", () => {
  it("approvers and admins decide and see the whole organisation; purchasers only ask", () => {
    expect(mayDecideApprovals("approver")).toBe(true)
    expect(mayDecideApprovals("admin")).toBe(true)
    expect(mayDecideApprovals("purchaser")).toBe(false)
    expect(seesWholeOrganization("purchaser")).toBe(false)
  })

  it("one's own request only when nobody else could decide", () => {
    expect(selfDecisionAllowed(["m1"], "m1")).toBe(true)
    expect(selfDecisionAllowed(["m1", "m2"], "m1")).toBe(false)
  })
})

describe("checkout guards (plugins/platform)", () => {
  afterEach(() => {
    for (const name of checkoutGuardNames()) if (name.startsWith("test-")) unregisterCheckoutGuard(name)
  })

  it("runs every guard in order; the first that throws stops the checkout; a name registers once", async () => {
    const calls: string[] = []
    registerCheckoutGuard("test-a", async () => void calls.push("a"))
    registerCheckoutGuard("test-b", async (cart) => {
      calls.push("b")
      if (cart.id === "bad") throw new Error("refused")
    })
    registerCheckoutGuard("test-a", async () => void calls.push("a2"))
    registerCheckoutGuard("test-c", async () => void calls.push("c"))
    await runCheckoutGuards({ id: "ok" }, {} as never)
    expect(calls).toEqual(["a2", "b", "c"])
    await expect(runCheckoutGuards({ id: "bad" }, {} as never)).rejects.toThrow("refused")
    expect(calls).toEqual(["a2", "b", "c", "a2", "b"])
  })

  it("keeps one registry on globalThis, shared by every copy of the module", () => {
    registerCheckoutGuard("test-shared", async () => undefined)
    const shared = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for("gongwucang.platform.checkout-guards")]
    expect(shared.has("test-shared")).toBe(true)
  })
})

describe("the order timeline's approval step and deadlines (plugins/orders)", () => {
  const placed: OrderSnapshot = {
    id: "order_1",
    display_id: 7,
    status: "pending",
    customer_id: "cus_1",
    email: "buyer@example.cn",
    created_at: "2026-11-20T01:00:00.000Z",
    payment_status: "authorized",
    fulfillment_status: "not_fulfilled",
    payments: [{ captured_at: null }],
    fulfillments: [],
    acceptance: null,
  }
  const approval = {
    id: "apprq_1",
    status: "approved",
    requested_at: "2026-11-19T01:00:00.000Z",
    decided_at: "2026-11-20T00:30:00.000Z",
    decided_by: "approver@example.cn",
  }
  const steps = () => {
    const list = [...ORDER_PROGRESS_STEPS]
    insertProgressStep(approvalProgressStep, { after: "placed" }, list)
    return list
  }
  const byKey = (progress: ReturnType<typeof buildOrderProgress>) => Object.fromEntries(progress.steps.map((s) => [s.key, s]))

  it("shows 审批通过 with who and when, between placed and paid, only for orders that went through approval", () => {
    const now = new Date("2026-11-21T00:00:00.000Z")
    const withApproval = buildOrderProgress({ ...placed, extensions: { procurement_approval: approval } }, steps(), { now })
    expect(withApproval.steps.map((s) => s.key)).toEqual(["placed", "approved", "paid", "shipped", "delivered", "accepted"])
    expect(byKey(withApproval).approved).toMatchObject({ done: true, at: approval.decided_at, by: "approver@example.cn", label_zh: "审批通过", overdue: false })
    expect(byKey(withApproval).approved.due_at).toBe("2026-11-21T01:00:00.000Z")
    expect(byKey(withApproval).placed.by).toBe("buyer@example.cn")
    expect(withApproval.current).toBe("paid")

    const without = buildOrderProgress(placed, steps(), { now })
    expect(without.steps.map((s) => s.key)).toEqual(["placed", "paid", "shipped", "delivered", "accepted"])
  })

  it("flags a step not reached in time: payment 3 days after placing, shipping 7 after payment", () => {
    const progress = buildOrderProgress(placed, ORDER_PROGRESS_STEPS, { now: new Date("2026-11-23T02:00:00.000Z") })
    expect(byKey(progress).paid).toMatchObject({ due_at: "2026-11-23T01:00:00.000Z", overdue: true })
    // A step whose step before is not reached has no deadline yet.
    expect(byKey(progress).shipped).toMatchObject({ due_at: null, overdue: false })

    const early = buildOrderProgress(placed, ORDER_PROGRESS_STEPS, { now: new Date("2026-11-22T00:00:00.000Z") })
    expect(byKey(early).paid.overdue).toBe(false)

    const paidLate = buildOrderProgress(
      { ...placed, payment_status: "captured", payments: [{ captured_at: "2026-11-24T00:00:00.000Z" }] },
      ORDER_PROGRESS_STEPS,
      { now: new Date("2026-11-25T00:00:00.000Z") }
    )
    expect(byKey(paidLate).paid).toMatchObject({ done: true, overdue: true })
    expect(byKey(paidLate).shipped).toMatchObject({ due_at: "2026-12-01T00:00:00.000Z", overdue: false })
  })

  it("takes configured deadlines, and a cancelled order has nothing overdue", () => {
    const now = new Date("2026-11-30T00:00:00.000Z")
    expect(byKey(buildOrderProgress(placed, ORDER_PROGRESS_STEPS, { now, deadlines: { paid: 30 } })).paid.overdue).toBe(false)
    expect(byKey(buildOrderProgress({ ...placed, status: "canceled" }, ORDER_PROGRESS_STEPS, { now })).paid.overdue).toBe(false)
  })

  it("snapshot enrichers fill `extensions` by name", async () => {
    registerOrderSnapshotEnricher("test_enricher", async (_container, order) => ({ seen: order.id }))
    try {
      const enriched = await enrichOrderSnapshot({} as never, placed)
      expect(enriched.extensions?.test_enricher).toEqual({ seen: "order_1" })
    } finally {
      unregisterOrderSnapshotEnricher("test_enricher")
    }
  })
})
