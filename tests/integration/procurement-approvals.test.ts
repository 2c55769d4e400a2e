// Spending limits and approvals (审批) of buyer organisations (plugins/procurement) on the real
// backend: a member's cart above their per-order limit, their period limit or the organisation's
// remaining budget cannot be ordered (403 naming the limit) until an approver approves a request
// for it; a rejected cart stays blocked; raising the total after approval blocks it again; orders
// of a previous period (or year) do not count. And the attempts that must fail: a purchaser
// approving, an approver of another organisation seeing or approving (404).

import { Client } from "pg"
import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import { choosePayment, cartToPay, completeCart, SYSTEM_PROVIDER, type CartToPay } from "../support/payments"
import { postAs, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import { testStack } from "../support/stack"
import { creditCode } from "../support/supplier"

async function sql(text: string, values: unknown[]) {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

// Credit codes no other test file uses (organisations: 86_000…, suppliers: theirs).
let seed = 87_000 + (Date.now() % 1000) * 10
const nextCode = () => creditCode(++seed)

/** The current calendar year in China. */
const shanghaiYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

async function createOrganization(customer: TestCustomer, body: Record<string, unknown> = {}) {
  const response = await postAs(customer, "/store/organizations", { name: `审批测试单位 ${seed}`, type: "company", credit_code: nextCode(), ...body })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as { organization: { id: string }; member: { id: string } }
}

async function join(admin: TestCustomer, role: string, label: string) {
  const customer = await registerCustomer(label)
  const invited = await postAs(admin, "/store/organizations/me/invitations", { email: customer.email, role })
  expect(invited.status, JSON.stringify(invited.body)).toBe(201)
  const accepted = await postAs(customer, "/store/organization-invitations/accept", { token: invited.body.token })
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
  return { customer, memberId: accepted.body.member.id as string }
}

async function setLimits(admin: TestCustomer, memberId: string, limits: Record<string, unknown>) {
  const response = await postAs(admin, `/store/organizations/me/members/${memberId}`, limits)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}

/** A fresh payment session for the cart's current total (Medusa drops sessions when the total changes). */
async function readyToPay(customer: TestCustomer, cart: CartToPay) {
  const collection = await postAs(customer, "/store/payment-collections", { cart_id: cart.cart_id })
  expect(collection.status, JSON.stringify(collection.body)).toBe(200)
  const chosen = await choosePayment(customer, { ...cart, payment_collection_id: collection.body.payment_collection.id }, SYSTEM_PROVIDER)
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
}

async function cartTotal(customer: TestCustomer, cartId: string): Promise<number> {
  const response = await storeAs(customer, `/store/carts/${cartId}?fields=id,total`)
  expect(response.status).toBe(200)
  return Number(response.body.cart.total)
}

/** A cart up to payment with a session chosen, and its total. */
async function payableCart(customer: TestCustomer) {
  const cart = await cartToPay(customer)
  await readyToPay(customer, cart)
  return { cart, total: await cartTotal(customer, cart.cart_id) }
}

async function placeOrder(customer: TestCustomer, cart: CartToPay) {
  const completed = await completeCart(customer, cart.cart_id)
  expect(completed.status, JSON.stringify(completed.body)).toBe(200)
  expect(completed.body.type).toBe("order")
  return completed.body.order as { id: string; total: number; created_at: string }
}

const approvalOf = (customer: TestCustomer, cartId: string) => storeAs(customer, `/store/carts/${cartId}/approval`)
const requestApproval = (customer: TestCustomer, cartId: string, body: unknown = {}) => postAs(customer, `/store/carts/${cartId}/approval-requests`, body)
const approve = (customer: TestCustomer, id: string, body: unknown = {}) => postAs(customer, `/store/organizations/me/approvals/${id}/approve`, body)
const reject = (customer: TestCustomer, id: string, body: unknown) => postAs(customer, `/store/organizations/me/approvals/${id}/reject`, body)
const spending = (customer: TestCustomer) => storeAs(customer, "/store/organizations/me/spending")

async function expectBlocked(customer: TestCustomer, cartId: string, pattern: RegExp) {
  const response = await completeCart(customer, cartId)
  expect(response.status, JSON.stringify(response.body)).toBe(403)
  expect(response.body.message).toMatch(/^需要审批/)
  expect(response.body.message).toMatch(pattern)
  return response.body.message as string
}

async function progressWhenApproved(customer: TestCustomer, orderId: string) {
  // The order ↔ approval link is made by a subscriber of order.placed, just after the order.
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await storeAs(customer, `/store/orders/${orderId}/progress`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const approved = response.body.steps.find((s: { key: string }) => s.key === "approved")
    if (approved?.done) return response.body
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`order ${orderId} never showed its approval`)
}

let adminA: TestCustomer
let purchaser: { customer: TestCustomer; memberId: string }
let approver: { customer: TestCustomer; memberId: string }
let adminB: TestCustomer
let approverB: { customer: TestCustomer; memberId: string }

beforeAll(async () => {
  ;[adminA, adminB] = await Promise.all([registerCustomer("appr-a-admin"), registerCustomer("appr-b-admin")])
  await createOrganization(adminA)
  await createOrganization(adminB)
  purchaser = await join(adminA, "purchaser", "appr-a-purchaser")
  approver = await join(adminA, "approver", "appr-a-approver")
  approverB = await join(adminB, "approver", "appr-b-approver")
})

describe("the per-order limit and an approval", () => {
  let cart: CartToPay
  let total: number
  let requestId: string

  it("blocks a cart above the member's per-order limit with a 403 naming the limit", async () => {
    ;({ cart, total } = await payableCart(purchaser.customer))
    await setLimits(adminA, purchaser.memberId, { limit_per_order: Math.round(total * 100 - 1) / 100 })

    const approval = await approvalOf(purchaser.customer, cart.cart_id)
    expect(approval.status, JSON.stringify(approval.body)).toBe(200)
    expect(approval.body.approval).toMatchObject({ required: true, reasons: ["member_order_limit"], total, request: null })

    const message = await expectBlocked(purchaser.customer, cart.cart_id, /单笔限额/)
    expect(message).toMatch(/per-order limit/)
  })

  it("lets the purchaser ask once (409 for a second request while it is pending)", async () => {
    const created = await requestApproval(purchaser.customer, cart.cart_id, { note: "教学设备急需 / urgently needed" })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.approval_request).toMatchObject({
      cart_id: cart.cart_id,
      order_id: null,
      amount: total,
      currency_code: "cny",
      reasons: ["member_order_limit"],
      note: "教学设备急需 / urgently needed",
      status: "pending",
      decided_by: null,
      requested_by: { member_id: purchaser.memberId, customer_id: purchaser.customer.id, email: purchaser.customer.email },
    })
    requestId = created.body.approval_request.id

    const again = await requestApproval(purchaser.customer, cart.cart_id)
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/待处理/)
    // Still blocked while pending.
    await expectBlocked(purchaser.customer, cart.cart_id, /待处理/)
  })

  it("refuses bad input and a cart of someone else", async () => {
    expect((await requestApproval(purchaser.customer, cart.cart_id, { note: 5 })).status).toBe(400)
    expect((await requestApproval(purchaser.customer, cart.cart_id, { extra: true })).status).toBe(400)
    expect((await requestApproval(approver.customer, cart.cart_id)).status).toBe(404)
    expect((await approvalOf(approverB.customer, cart.cart_id)).status).toBe(404)
    const badStatus = await storeAs(approver.customer, "/store/organizations/me/approvals?status=maybe")
    expect(badStatus.status).toBe(400)
    expect(badStatus.body.message).toMatch(/status/)
  })

  it("a purchaser cannot approve (403); another organisation's approver sees nothing (404)", async () => {
    const byPurchaser = await approve(purchaser.customer, requestId)
    expect(byPurchaser.status).toBe(403)
    expect(byPurchaser.body.message).toMatch(/审批人或管理员/)

    expect((await storeAs(approverB.customer, `/store/organizations/me/approvals/${requestId}`)).status).toBe(404)
    expect((await approve(approverB.customer, requestId)).status).toBe(404)
    expect((await reject(approverB.customer, requestId, { comment: "不行" })).status).toBe(404)
    const listB = await storeAs(approverB.customer, "/store/organizations/me/approvals")
    expect(listB.body.approval_requests.map((r: { id: string }) => r.id)).not.toContain(requestId)

    // A customer in no organisation gets a 404 for the organisation's routes.
    const outsider = await registerCustomer("appr-outsider")
    expect((await storeAs(outsider, `/store/organizations/me/approvals/${requestId}`)).status).toBe(404)
  })

  it("lists the request for the approver (whole organisation) and the purchaser (own)", async () => {
    const forApprover = await storeAs(approver.customer, "/store/organizations/me/approvals?status=pending")
    expect(forApprover.status, JSON.stringify(forApprover.body)).toBe(200)
    expect(forApprover.body.approval_requests.map((r: { id: string }) => r.id)).toContain(requestId)
    const forPurchaser = await storeAs(purchaser.customer, "/store/organizations/me/approvals")
    expect(forPurchaser.body.approval_requests.map((r: { id: string }) => r.id)).toEqual([requestId])
    const one = await storeAs(purchaser.customer, `/store/organizations/me/approvals/${requestId}`)
    expect(one.status).toBe(200)
    expect(one.body.approval_request.id).toBe(requestId)
  })

  it("an approver approves; the cart completes and the order's progress shows who approved", async () => {
    const approved = await approve(approver.customer, requestId, { comment: "同意" })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.approval_request).toMatchObject({
      status: "approved",
      comment: "同意",
      decided_by: { member_id: approver.memberId, email: approver.customer.email },
    })
    expect(approved.body.approval_request.decided_at).toEqual(expect.any(String))
    // Decided once only.
    expect((await approve(approver.customer, requestId)).status).toBe(409)

    const state = await approvalOf(purchaser.customer, cart.cart_id)
    expect(state.body.approval).toMatchObject({ required: true, covered: true, request: { id: requestId, status: "approved" } })

    const order = await placeOrder(purchaser.customer, cart)
    const progress = await progressWhenApproved(purchaser.customer, order.id)
    const keys = progress.steps.map((s: { key: string }) => s.key)
    expect(keys.slice(0, 3)).toEqual(["placed", "approved", "paid"])
    const step = progress.steps.find((s: { key: string }) => s.key === "approved")
    expect(step).toMatchObject({ done: true, label_zh: "审批通过", by: approver.customer.email, at: approved.body.approval_request.decided_at })
    expect(progress.steps[0].by).toBe(purchaser.customer.email)

    const linked = await storeAs(purchaser.customer, `/store/organizations/me/approvals/${requestId}`)
    expect(linked.body.approval_request.order_id).toBe(order.id)

    // The audit log (审计日志) has every change of the request: who asked, who approved, the order.
    // (The last entry is written by the order.placed subscriber, just after the link the timeline reads.)
    let entries: any[] = []
    for (let attempt = 0; attempt < 20 && entries.length < 3; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 250))
      const audit = await admin(`/admin/procurement/audit-log?entity_type=approval_request&entity_id=${requestId}`)
      expect(audit.status, JSON.stringify(audit.body)).toBe(200)
      entries = [...audit.body.entries].reverse()
    }
    expect(entries.map((e: { action: string }) => e.action)).toEqual(["approval.created", "approval.approved", "approval.ordered"])
    expect(entries[0]).toMatchObject({ actor_type: "customer", actor_id: purchaser.customer.id, before: null, after: { status: "pending", cart_id: cart.cart_id } })
    expect(entries[1]).toMatchObject({ actor_type: "customer", actor_id: approver.customer.id, before: { status: "pending" }, after: { status: "approved", comment: "同意" } })
    expect(entries[2]).toMatchObject({ actor_type: "system", after: { order_id: order.id } })

    // The organisation's orders: the approver sees the purchaser's order with its approval.
    const orders = await storeAs(approver.customer, "/store/organizations/me/orders")
    expect(orders.status, JSON.stringify(orders.body)).toBe(200)
    expect(orders.body.orders.find((o: { id: string }) => o.id === order.id)).toMatchObject({
      approval_request_id: requestId,
      customer: { email: purchaser.customer.email },
      currency_code: "cny",
    })
    // Another organisation's approver does not.
    const ordersB = await storeAs(approverB.customer, "/store/organizations/me/orders")
    expect(ordersB.body.orders.map((o: { id: string }) => o.id)).not.toContain(order.id)
  })
})

describe("rejection and a raised total", () => {
  it("a rejected cart stays blocked; a rejection needs a reason; a new request may follow", async () => {
    const { cart } = await payableCart(purchaser.customer)
    const created = await requestApproval(purchaser.customer, cart.cart_id)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.approval_request.id

    const noReason = await reject(approver.customer, id, {})
    expect(noReason.status).toBe(400)
    expect(noReason.body.message).toMatch(/comment/)
    expect((await reject(purchaser.customer, id, { comment: "x" })).status).toBe(403)

    const rejected = await reject(approver.customer, id, { comment: "超出预算，请分批采购" })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    expect(rejected.body.approval_request).toMatchObject({ status: "rejected", comment: "超出预算，请分批采购", decided_by: { email: approver.customer.email } })

    await expectBlocked(purchaser.customer, cart.cart_id, /驳回/)
    const audit = await admin(`/admin/procurement/audit-log?entity_type=approval_request&entity_id=${id}&action=approval.rejected`)
    expect(audit.body.entries).toHaveLength(1)
    expect(audit.body.entries[0]).toMatchObject({ actor_id: approver.customer.id, after: { status: "rejected", comment: "超出预算，请分批采购" } })

    const again = await requestApproval(purchaser.customer, cart.cart_id, { note: "已说明用途" })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(again.body.approval_request.status).toBe("pending")
  })

  it("approval no longer covers the cart once its total rises above the approved amount", async () => {
    const { cart, total } = await payableCart(purchaser.customer)
    const created = await requestApproval(purchaser.customer, cart.cart_id)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect((await approve(approver.customer, created.body.approval_request.id)).status).toBe(200)

    const line = (await storeAs(purchaser.customer, `/store/carts/${cart.cart_id}?fields=id,*items`)).body.cart.items[0]
    const raised = await postAs(purchaser.customer, `/store/carts/${cart.cart_id}/line-items/${line.id}`, { quantity: 2 })
    expect(raised.status, JSON.stringify(raised.body)).toBe(200)
    await readyToPay(purchaser.customer, cart)
    expect(await cartTotal(purchaser.customer, cart.cart_id)).toBeGreaterThan(total)

    const state = await approvalOf(purchaser.customer, cart.cart_id)
    expect(state.body.approval).toMatchObject({ required: true, covered: false, request: { status: "approved", amount: total } })
    await expectBlocked(purchaser.customer, cart.cart_id, /低于当前金额/)

    // A new request for the new total supersedes the old approval.
    const renewed = await requestApproval(purchaser.customer, cart.cart_id)
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201)
    const old = await storeAs(purchaser.customer, `/store/organizations/me/approvals/${created.body.approval_request.id}`)
    expect(old.body.approval_request.status).toBe("superseded")
  })

  it("nobody approves their own request while the organisation has another approver", async () => {
    await setLimits(adminA, approver.memberId, { limit_per_order: 0.01 })
    const { cart } = await payableCart(approver.customer)
    const created = await requestApproval(approver.customer, cart.cart_id)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const own = await approve(approver.customer, created.body.approval_request.id)
    expect(own.status).toBe(403)
    expect(own.body.message).toMatch(/自己/)
    // The admin (another decider) may.
    expect((await approve(adminA, created.body.approval_request.id)).status).toBe(200)
  })
})

describe("the period limit", () => {
  it("counts this period's orders, and orders of a previous period do not count", async () => {
    const member = await join(adminA, "purchaser", "appr-a-period")
    const first = await payableCart(member.customer)
    // One order fits, a second of the same size does not: 1.5 × the total per month.
    const limit = Math.round(first.total * 150) / 100
    await setLimits(adminA, member.memberId, { limit_per_period: limit, limit_period: "month" })
    const order = await placeOrder(member.customer, first.cart)

    const spent = await spending(member.customer)
    expect(spent.status, JSON.stringify(spent.body)).toBe(200)
    expect(spent.body.member).toMatchObject({ limit_per_period: limit, limit_period: "month", spent_in_period: first.total, limit_per_order: null })
    const periodStart = new Date(spent.body.member.period_start)
    // Calendar months start at midnight China time (16:00 UTC the day before).
    expect(periodStart.getUTCHours()).toBe(16)
    expect(new Date(periodStart.getTime() + 8 * 3600_000).getUTCDate()).toBe(1)

    const second = await payableCart(member.customer)
    const approval = await approvalOf(member.customer, second.cart.cart_id)
    expect(approval.body.approval).toMatchObject({ required: true, reasons: ["member_period_limit"] })
    await expectBlocked(member.customer, second.cart.cart_id, /周期限额/)

    // The first order was placed last month (its time moved back, as if a month had passed).
    await sql(`update "order" set created_at = $2 where id = $1`, [order.id, new Date(periodStart.getTime() - 24 * 3600_000)])
    const reset = await spending(member.customer)
    expect(reset.body.member.spent_in_period).toBe(0)
    expect((await approvalOf(member.customer, second.cart.cart_id)).body.approval).toMatchObject({ required: false, reasons: [] })
    await placeOrder(member.customer, second.cart)
  })
})

describe("the organisation's annual budget", () => {
  it("blocks a cart above what is left this year; last year's and cancelled orders do not count", async () => {
    const admin = await registerCustomer("appr-c-admin")
    const first = await payableCart(admin)
    const budget = Math.round(first.total * 150) / 100
    await createOrganization(admin, { annual_budget: budget, budget_year: shanghaiYear() })
    const order = await placeOrder(admin, first.cart)

    const spent = await spending(admin)
    expect(spent.body.organization).toMatchObject({
      annual_budget: budget,
      budget_year: shanghaiYear(),
      spent_in_year: first.total,
      remaining_budget: Math.round((budget - first.total) * 100) / 100,
    })

    const second = await payableCart(admin)
    expect((await approvalOf(admin, second.cart.cart_id)).body.approval).toMatchObject({ required: true, reasons: ["organization_budget"] })
    await expectBlocked(admin, second.cart.cart_id, /年度预算余额/)

    // The first order moved to last year: the budget is this year's alone.
    await sql(`update "order" set created_at = created_at - interval '1 year' where id = $1`, [order.id])
    expect((await spending(admin)).body.organization).toMatchObject({ spent_in_year: 0, remaining_budget: budget })
    const placed = await placeOrder(admin, second.cart)

    // A cancelled order gives its amount back to the budget.
    const third = await payableCart(admin)
    await expectBlocked(admin, third.cart.cart_id, /年度预算余额/)
    const cancelled = await postAs(admin, `/store/orders/${placed.id}/cancel`)
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect((await spending(admin)).body.organization.spent_in_year).toBe(0)
    expect((await approvalOf(admin, third.cart.cart_id)).body.approval.required).toBe(false)
  })

  it("the only approver or admin of an organisation may approve their own request", async () => {
    const admin = await registerCustomer("appr-d-admin")
    const { cart, total } = await payableCart(admin)
    await createOrganization(admin, { annual_budget: Math.round(total * 50) / 100, budget_year: shanghaiYear() })
    await expectBlocked(admin, cart.cart_id, /年度预算余额/)
    const created = await requestApproval(admin, cart.cart_id)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.approval_request.reasons).toEqual(["organization_budget"])
    expect((await approve(admin, created.body.approval_request.id)).status).toBe(200)
    await placeOrder(admin, cart)
  })

  it("a cart within every limit needs no approval and cannot be sent for one (409)", async () => {
    const { cart } = await payableCart(approverB.customer)
    expect((await approvalOf(approverB.customer, cart.cart_id)).body.approval).toMatchObject({ required: false, reasons: [], request: null })
    const refused = await requestApproval(approverB.customer, cart.cart_id)
    expect(refused.status).toBe(409)
    expect(refused.body.message).toMatch(/无需审批/)
  })
})
