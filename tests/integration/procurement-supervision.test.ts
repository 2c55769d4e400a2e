// Supervision (监管, plugins/procurement) on the real backend: the operator creates a supervisor,
// who logs in as the auth actor `supervisor` and reads orders of buyer organisations with filters
// (organisation, supplier, category, period, status) and a summary, as JSON and as CSV (parsed
// back), and the audit log. Then the attacks: every write under /supervisor is a 405, a
// supervisor's token opens no store/admin/supplier route, other actors cannot read /supervisor.

import { parse } from "csv-parse/sync"
import { beforeAll, describe, expect, it } from "vitest"
import { admin, adminToken, backendUrl, store } from "../support/http"
import { testStack } from "../support/stack"
import { placeOrder, postAs, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import { cartToPay, choosePayment, completeCart, SYSTEM_PROVIDER } from "../support/payments"
import { creditCode, registerSupplier } from "../support/supplier"
import { asToken, createSupervisor, organizationWithAdmin, supervise, supervisorLogin, type TestSupervisor } from "../support/supervision"

// Credit-code seeds no other test file uses (organisations and suppliers).
let seed = 5_000_000 + (Date.now() % 100_000) * 10
const nextCode = () => creditCode(++seed)
const unique = Date.now().toString(36)

let supervisor: TestSupervisor
let orgA: { admin: TestCustomer; organization: { id: string; name: string } }
let orgB: { admin: TestCustomer; organization: { id: string; name: string } }
let orderA: { id: string; display_id: number; created_at: string }
let orderB: { id: string; display_id: number; created_at: string }
/** A customer in no organisation: their orders are not the supervisor's business. */
let loner: TestCustomer
let lonerOrder: { id: string }
/** Organisation C: its admin's per-order limit is ¥1, so their order went through an approval. */
let orgC: { admin: TestCustomer; organization: { id: string; name: string } }
let approvalC: { id: string; amount: number }
let orderC: { id: string }

/** A cart above the limit: request → the only admin approves (their own request) → order. */
async function orderThroughApproval(customer: TestCustomer) {
  const me = await storeAs(customer, "/store/organizations/me")
  const limited = await postAs(customer, `/store/organizations/me/members/${me.body.member.id}`, { limit_per_order: 1 })
  expect(limited.status, JSON.stringify(limited.body)).toBe(200)
  const cart = await cartToPay(customer)
  const chosen = await choosePayment(customer, cart, SYSTEM_PROVIDER)
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
  expect((await completeCart(customer, cart.cart_id)).status).toBe(403)
  const requested = await postAs(customer, `/store/carts/${cart.cart_id}/approval-requests`, { note: "=1+1 监管测试" })
  expect(requested.status, JSON.stringify(requested.body)).toBe(201)
  const approved = await postAs(customer, `/store/organizations/me/approvals/${requested.body.approval_request.id}/approve`, { comment: "同意" })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  const completed = await completeCart(customer, cart.cart_id)
  expect(completed.status, JSON.stringify(completed.body)).toBe(200)
  return { approval: approved.body.approval_request as { id: string; amount: number }, order: completed.body.order as { id: string } }
}

const ids = (body: { orders: { id: string }[] }) => body.orders.map((o) => o.id)

async function orders(query: string) {
  const response = await supervise(supervisor, `/supervisor/orders${query ? `?${query}` : ""}`)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { orders: any[]; count: number; limit: number; offset: number; summary: { count: number; total_amount: number; currency_code: string } }
}

/** Waits until the order-placed subscriber has linked the order to its supplier(s). */
async function supplierOfOrder(organizationId: string, orderId: string): Promise<{ id: string; name: string }> {
  for (let i = 0; i < 60; i++) {
    const row = (await orders(`organization_id=${organizationId}`)).orders.find((o) => o.id === orderId)
    if (row?.suppliers?.length) return row.suppliers[0]
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`order ${orderId} was never linked to a supplier`)
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true })
}

beforeAll(async () => {
  supervisor = await createSupervisor()
  ;[orgA, orgB, loner] = await Promise.all([
    organizationWithAdmin(`监管测试 成都市某局 ${unique}`, nextCode()),
    // A name Excel would run as a formula: the CSV must defuse it.
    organizationWithAdmin(`=HYPERLINK("http://evil.example") 某中心 ${unique}`, nextCode()),
    registerCustomer("supervision-loner"),
  ])
  ;({ order: orderA } = await placeOrder(orgA.admin))
  ;({ order: orderB } = await placeOrder(orgB.admin, { quantity: 2 }))
  ;({ order: lonerOrder } = await placeOrder(loner))
  orgC = await organizationWithAdmin(`监管测试 审批单位 ${unique}`, nextCode())
  ;({ approval: approvalC, order: orderC } = await orderThroughApproval(orgC.admin))
})

describe("supervisor accounts", () => {
  it("the operator creates a supervisor who logs in as the supervisor actor and reads /supervisor/me", async () => {
    const me = await supervise(supervisor, "/supervisor/me")
    expect(me.status, JSON.stringify(me.body)).toBe(200)
    expect(me.body.supervisor).toMatchObject({ id: supervisor.id, email: supervisor.email, name: supervisor.name, scope: "成都市财政局政府采购监管处" })
    expect(supervisor.id).toMatch(/^supv_/)

    const listed = await admin(`/admin/supervisors?q=${encodeURIComponent(supervisor.email)}`)
    expect(listed.status, JSON.stringify(listed.body)).toBe(200)
    expect(listed.body.supervisors.map((s: { id: string }) => s.id)).toEqual([supervisor.id])
    expect(JSON.stringify(listed.body)).not.toMatch(/password/i)

    expect((await supervisorLogin(supervisor.email, "wrong-password-1")).status).toBe(401)
  })

  it("a session (cookie) works like the bearer token", async () => {
    const session = await asToken(supervisor.token, "/auth/session", { method: "POST" })
    expect(session.status, JSON.stringify(session.body)).toBe(200)
    const cookie = session.headers.get("set-cookie")!.split(";")[0]
    const me = await asToken(null, "/supervisor/me", { headers: { cookie } })
    expect(me.status, JSON.stringify(me.body)).toBe(200)
    expect(me.body.supervisor.id).toBe(supervisor.id)
  })

  it("refuses bad input (400 naming the field) and an email that already has a login or a supervisor (409), creating nothing", async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: "张三", email: "not-an-email", password: "Long-enough-1" }, /email/],
      [{ name: "张三", email: `short-${unique}@example.cn`, password: "short" }, /password/],
      [{ email: `noname-${unique}@example.cn`, password: "Long-enough-1" }, /name/],
      [{ name: "张三", email: `extra-${unique}@example.cn`, password: "Long-enough-1", role: "admin" }, /role|unrecognized/i],
    ]
    for (const [body, field] of cases) {
      const response = await admin("/admin/supervisors", { method: "POST", body: JSON.stringify(body) })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(field)
    }
    const again = await admin("/admin/supervisors", { method: "POST", body: JSON.stringify({ name: "重复", email: supervisor.email.toUpperCase(), password: "Another-pass-1" }) })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/supervisor with this email/)

    // A buyer's email: giving their login the supervisor role would let whoever knows that password read everything.
    const buyerEmail = orgA.admin.email
    const taken = await admin("/admin/supervisors", { method: "POST", body: JSON.stringify({ name: "冒用", email: buyerEmail, password: "Another-pass-1" }) })
    expect(taken.status).toBe(409)
    expect(taken.body.message).toMatch(/already has a login/)
    expect((await admin(`/admin/supervisors?q=${encodeURIComponent(buyerEmail)}`)).body.count).toBe(0)
    expect((await supervisorLogin(buyerEmail, orgA.admin.password)).status).toBe(200)
    const buyerAsSupervisor = (await supervisorLogin(buyerEmail, orgA.admin.password)).body.token!
    expect((await asToken(buyerAsSupervisor, "/supervisor/orders")).status).toBe(401)
  })

  it("records the creation in the audit log (who: the operator)", async () => {
    const log = await supervise(supervisor, `/supervisor/audit-log?entity_type=supervisor&entity_id=${supervisor.id}`)
    expect(log.status, JSON.stringify(log.body)).toBe(200)
    expect(log.body.entries).toHaveLength(1)
    expect(log.body.entries[0]).toMatchObject({ actor_type: "user", entity_type: "supervisor", entity_id: supervisor.id, action: "supervisor.created", before: null })
    expect(log.body.entries[0].after).toEqual({ name: supervisor.name, email: supervisor.email, scope: "成都市财政局政府采购监管处" })
    expect(JSON.stringify(log.body)).not.toContain(supervisor.password)
  })
})

describe("orders of buyer organisations", () => {
  it("lists orders of organisation members with their organisation, buyer and total; not those of customers in no organisation", async () => {
    const all = await orders("limit=200")
    expect(ids(all)).toEqual(expect.arrayContaining([orderA.id, orderB.id]))
    expect(ids(all)).not.toContain(lonerOrder.id)

    const a = await orders(`organization_id=${orgA.organization.id}`)
    expect(ids(a)).toEqual([orderA.id])
    expect(a.count).toBe(1)
    const row = a.orders[0]
    expect(row).toMatchObject({
      id: orderA.id,
      display_id: orderA.display_id,
      status: "pending",
      currency_code: "cny",
      organization: { id: orgA.organization.id, name: orgA.organization.name },
      customer: { id: orgA.admin.id, email: orgA.admin.email, name: "买家测试" },
    })
    const storeOrder = await storeAs(orgA.admin, `/store/orders/${orderA.id}?fields=id,total`)
    expect(row.total).toBe(Number(storeOrder.body.order.total))
    expect(row.total).toBeGreaterThan(0)
    expect(row.items.length).toBeGreaterThan(0)
    expect(a.summary).toEqual({ count: 1, total_amount: row.total, currency_code: "cny" })
  })

  it("the summary adds every matching order, not just the page", async () => {
    const both = [orgA.organization.id, orgB.organization.id]
    const a = await orders(`organization_id=${both[0]}`)
    const b = await orders(`organization_id=${both[1]}`)
    const all = await orders("limit=1")
    expect(all.orders).toHaveLength(1)
    expect(all.count).toBeGreaterThanOrEqual(2)
    expect(all.summary.count).toBe(all.count)
    expect(all.summary.total_amount).toBeGreaterThanOrEqual(a.summary.total_amount + b.summary.total_amount)
    const page2 = await orders("limit=1&offset=1")
    expect(page2.orders[0].id).not.toBe(all.orders[0].id)
  })

  it("filters by supplier (supplier ↔ order link)", async () => {
    const supplier = await supplierOfOrder(orgA.organization.id, orderA.id)
    expect(ids(await orders(`organization_id=${orgA.organization.id}&supplier_id=${supplier.id}`))).toEqual([orderA.id])
    const choices = await supervise(supervisor, "/supervisor/suppliers?limit=500")
    expect(choices.status, JSON.stringify(choices.body)).toBe(200)
    expect(choices.body.suppliers.map((s: { id: string }) => s.id)).toContain(supplier.id)
    // A supplier with no orders at all.
    const fresh = await registerSupplier(seed + 500)
    const none = await orders(`supplier_id=${fresh.id}`)
    expect(none).toMatchObject({ orders: [], count: 0, summary: { count: 0, total_amount: 0 } })
  })

  it("filters by product category, a parent category including those below it", async () => {
    const row = (await orders(`organization_id=${orgA.organization.id}`)).orders[0]
    const productId = row.items[0].product_id
    const product = await admin(`/admin/products/${productId}?fields=id,*categories`)
    expect(product.status, JSON.stringify(product.body)).toBe(200)
    const productCategories: string[] = product.body.product.categories.map((c: { id: string }) => c.id)
    expect(productCategories.every((id) => /^pcat_/.test(id)), JSON.stringify(product.body)).toBe(true)
    expect(productCategories.length).toBeGreaterThan(0)
    const response = await supervise(supervisor, "/supervisor/categories")
    expect(response.status).toBe(200)
    const parentOf = new Map<string, string | null>(response.body.categories.map((c: { id: string; parent_category_id: string | null }) => [c.id, c.parent_category_id]))
    // The order is in category X when one of its products is in X or below it.
    const matching = new Set<string>()
    for (const id of productCategories) for (let at: string | null = id; at; at = parentOf.get(at) ?? null) matching.add(at)

    expect(ids(await orders(`organization_id=${orgA.organization.id}&category_id=${productCategories[0]}`))).toEqual([orderA.id])
    const parent = parentOf.get(productCategories[0])
    if (parent) expect(ids(await orders(`organization_id=${orgA.organization.id}&category_id=${parent}`))).toEqual([orderA.id])
    const other = [...parentOf.keys()].find((id) => !matching.has(id))
    expect(other).toBeDefined()
    expect(ids(await orders(`organization_id=${orgA.organization.id}&category_id=${other}`))).toEqual([])
    expect(ids(await orders(`organization_id=${orgA.organization.id}&category_id=pcat_unknown`))).toEqual([])
  })

  it("filters by period (from inclusive, to exclusive) and status", async () => {
    const at = new Date(orderA.created_at).getTime()
    const q = (from: number, to: number) => `organization_id=${orgA.organization.id}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`
    expect(ids(await orders(q(at - 60_000, at + 60_000)))).toEqual([orderA.id])
    expect(ids(await orders(q(at, at + 1)))).toEqual([orderA.id])
    expect(ids(await orders(q(at + 1, at + 60_000)))).toEqual([])
    expect(ids(await orders(q(at - 60_000, at)))).toEqual([])
    expect(ids(await orders(`organization_id=${orgA.organization.id}&status=pending`))).toEqual([orderA.id])
    expect(ids(await orders(`organization_id=${orgA.organization.id}&status=canceled`))).toEqual([])
  })

  it("organisations for the filter", async () => {
    const response = await supervise(supervisor, `/supervisor/organizations?q=${encodeURIComponent(unique)}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.organizations.map((o: { id: string }) => o.id).sort()).toEqual([orgA.organization.id, orgB.organization.id, orgC.organization.id].sort())
    expect(response.body.organizations[0]).toHaveProperty("name")
  })

  it("refuses bad filters with a 400 naming the field", async () => {
    const cases: [string, RegExp][] = [
      ["from=yesterday", /from/],
      ["from=2026-11-02&to=2026-11-01", /to: /],
      ["status=shipped", /status/],
      ["limit=0", /limit/],
      ["limit=5000", /limit/],
      ["offset=-1", /offset/],
      ["organization_id=a&organization_id=b", /organization_id/],
      ["colour=red", /colour|unrecognized/i],
    ]
    for (const [query, field] of cases) {
      for (const path of ["/supervisor/orders", "/supervisor/orders.csv"]) {
        const response = await supervise(supervisor, `${path}?${query}`)
        expect(response.status, `${path}?${query}`).toBe(400)
        expect(response.body.message, query).toMatch(field)
      }
    }
    const audit = await supervise(supervisor, "/supervisor/audit-log?actor_type=robot")
    expect(audit.status).toBe(400)
    expect(audit.body.message).toMatch(/actor_type/)
  })
})

describe("CSV exports", () => {
  it("orders.csv: UTF-8 with BOM, every matching order (parsed back equals the JSON), formulas defused", async () => {
    const response = await fetch(backendUrl(`/supervisor/orders.csv?organization_id=${orgB.organization.id}`), {
      headers: { authorization: `Bearer ${supervisor.token}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/)
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.csv"; filename\*=UTF-8''/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder("utf-8").decode(bytes)
    const rows = parseCsv(text)
    const json = await orders(`organization_id=${orgB.organization.id}`)
    expect(rows).toHaveLength(1)
    const row = rows[0]
    expect(row["订单ID Order id"]).toBe(orderB.id)
    expect(row["订单号 Order no."]).toBe(String(orderB.display_id))
    expect(Number(row["金额（元）Total (CNY)"])).toBe(json.orders[0].total)
    expect(row["采购单位ID Organisation id"]).toBe(orgB.organization.id)
    expect(row["采购单位 Organisation"]).toBe(`'${orgB.organization.name}`)
    expect(row["邮箱 Email"]).toBe(orgB.admin.email)
    expect(row["下单时间 Placed at"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    expect(row["商品 Items"]).toMatch(/× 2/)
  })

  it("orders.csv holds every match across pages (no limit), the same set as the JSON list", async () => {
    const json = await orders("limit=200")
    const csv = await supervise(supervisor, "/supervisor/orders.csv?limit=1")
    expect(csv.status).toBe(200)
    const rows = parseCsv(csv.body as string)
    expect(rows.length).toBe(json.count)
    expect(rows.map((r) => r["订单ID Order id"]).slice(0, json.orders.length)).toEqual(ids(json).slice(0, rows.length))
  })

  it("an empty export is the header alone", async () => {
    const csv = await supervise(supervisor, `/supervisor/orders.csv?organization_id=${orgA.organization.id}&status=canceled`)
    expect(csv.status).toBe(200)
    expect(parseCsv(csv.body as string)).toEqual([])
    expect((csv.body as string).replace(/^\uFEFF/, "").trim()).toMatch(/^订单号 Order no\.,/)
  })
})

describe("approval requests", () => {
  async function approvalList(query: string) {
    const response = await supervise(supervisor, `/supervisor/approvals?${query}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body as { approval_requests: any[]; count: number; summary: { count: number; total_amount: number; by_status: Record<string, number> } }
  }

  it("lists every organisation's requests with organisation, amount, decision, cart items and the order", async () => {
    // The order ↔ request link is made by a subscriber after the order is placed.
    let row: any
    for (let i = 0; i < 60 && !row?.order_id; i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 500))
      row = (await approvalList(`organization_id=${orgC.organization.id}`)).approval_requests[0]
    }
    expect(row).toMatchObject({
      id: approvalC.id,
      organization_id: orgC.organization.id,
      organization: { id: orgC.organization.id, name: orgC.organization.name },
      status: "approved",
      amount: approvalC.amount,
      reasons: ["member_order_limit"],
      requested_by: { customer_id: orgC.admin.id, email: orgC.admin.email },
      decided_by: { email: orgC.admin.email },
      comment: "同意",
      order_id: orderC.id,
    })
    expect(row.items.length).toBeGreaterThan(0)
    expect(row.suppliers.length).toBeGreaterThan(0)
    const all = await approvalList(`organization_id=${orgC.organization.id}`)
    expect(all.summary).toMatchObject({ count: 1, total_amount: approvalC.amount, by_status: { approved: 1, pending: 0, rejected: 0, superseded: 0 } })
    // The order is among the organisation's orders too.
    expect(ids(await orders(`organization_id=${orgC.organization.id}`))).toEqual([orderC.id])
    // A and B asked for nothing.
    expect((await approvalList(`organization_id=${orgA.organization.id}`)).count).toBe(0)
  })

  it("filters by status, supplier, category and period", async () => {
    const org = `organization_id=${orgC.organization.id}`
    expect((await approvalList(`${org}&status=approved`)).count).toBe(1)
    expect((await approvalList(`${org}&status=pending`)).count).toBe(0)
    const row = (await approvalList(org)).approval_requests[0]
    expect((await approvalList(`${org}&supplier_id=${row.suppliers[0].id}`)).count).toBe(1)
    const fresh = await registerSupplier(seed + 900)
    expect((await approvalList(`${org}&supplier_id=${fresh.id}`)).count).toBe(0)
    const product = await admin(`/admin/products/${row.items[0].product_id}?fields=id,*categories`)
    expect(product.body.product.categories[0].id).toMatch(/^pcat_/)
    expect((await approvalList(`${org}&category_id=${product.body.product.categories[0].id}`)).count).toBe(1)
    expect((await approvalList(`${org}&category_id=pcat_unknown`)).count).toBe(0)
    const at = new Date(row.created_at).getTime()
    expect((await approvalList(`${org}&from=${new Date(at + 1).toISOString()}`)).count).toBe(0)
    expect((await approvalList(`${org}&from=${new Date(at - 60_000).toISOString()}&to=${new Date(at + 60_000).toISOString()}`)).count).toBe(1)
    const bad = await supervise(supervisor, "/supervisor/approvals?status=maybe")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/status/)
  })

  it("approvals.csv holds the request (UTF-8 with BOM), the buyer's note defused", async () => {
    const response = await fetch(backendUrl(`/supervisor/approvals.csv?organization_id=${orgC.organization.id}`), { headers: { authorization: `Bearer ${supervisor.token}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      "审批申请ID Request id": approvalC.id,
      "状态 Status": "approved",
      "采购单位 Organisation": orgC.organization.name,
      "申请人 Requested by": orgC.admin.email,
      "超限原因 Reasons": "member_order_limit",
      "说明 Note": "'=1+1 监管测试",
      "审批意见 Comment": "同意",
      "订单ID Order id": orderC.id,
    })
    expect(Number(rows[0]["金额（元）Amount (CNY)"])).toBe(approvalC.amount)
  })

  it("the audit log shows the approval's history", async () => {
    const log = await supervise(supervisor, `/supervisor/audit-log?entity_id=${approvalC.id}`)
    expect(log.status).toBe(200)
    expect(log.body.entries.length).toBeGreaterThanOrEqual(2)
    expect(log.body.entries.every((e: { organization_id: string }) => e.organization_id === orgC.organization.id)).toBe(true)
  })
})

describe("price comparisons", () => {
  let comparison: { id: string; category_id: string; offers: { id: string; unit_price: number; supplier: { id: string; name: string } }[] }
  let agency: { id: string; name: string }

  async function comparisonList(query: string) {
    const response = await supervise(supervisor, `/supervisor/comparisons?${query}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body as { comparisons: any[]; count: number; summary: { count: number; selected_amount: number; by_status: Record<string, number> } }
  }

  beforeAll(async () => {
    // A category of the seeded catalogue with offers from at least three suppliers, tried in turn.
    const categories = (await supervise(supervisor, "/supervisor/categories")).body.categories as { id: string }[]
    for (const category of categories) {
      const products = await store(`/store/products?category_id=${category.id}&limit=20&fields=id,*variants`)
      const variantIds = (products.body.products ?? []).map((p: { variants?: { id: string }[] }) => p.variants?.[0]?.id).filter(Boolean)
      if (variantIds.length < 3) continue
      const created = await postAs(orgA.admin, "/store/comparisons", { title: `监管测试比价 ${unique}`, category_id: category.id, quantity: 3, variant_ids: variantIds })
      if (created.status === 201) {
        comparison = { ...created.body.comparison, category_id: category.id }
        break
      }
    }
    expect(comparison, "no seeded category has offers from three suppliers").toBeDefined()
    const email = `supervision-agency-${unique}@example.cn`
    const created = await admin("/admin/agencies", { method: "POST", body: JSON.stringify({ name: `监管测试代理机构 ${unique}`, email, password: "Agency-Pass-1", user_name: "赵审核" }) })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    agency = created.body.agency
    const submitted = await postAs(orgA.admin, `/store/comparisons/${comparison.id}/submit`, { selected_offer_id: comparison.offers[0].id, reason: "价格最低，售后响应快", agency_id: agency.id })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  })

  it("lists the organisations' comparisons with offers' suppliers, the choice and its amount", async () => {
    const list = await comparisonList(`organization_id=${orgA.organization.id}`)
    expect(list.count).toBe(1)
    const row = list.comparisons[0]
    const selected = comparison.offers[0]
    expect(row).toMatchObject({
      id: comparison.id,
      organization: { id: orgA.organization.id, name: orgA.organization.name },
      status: "submitted",
      quantity: 3,
      offer_count: comparison.offers.length,
      agency: { id: agency.id },
      selected_offer: { id: selected.id, supplier: { id: selected.supplier.id }, unit_price: selected.unit_price },
      selected_amount: Math.round(selected.unit_price * 3 * 100) / 100,
      selection_reason: "价格最低，售后响应快",
    })
    expect(new Set(row.suppliers.map((s: { id: string }) => s.id)).size).toBeGreaterThanOrEqual(3)
    expect(list.summary).toMatchObject({ count: 1, selected_amount: row.selected_amount, by_status: { submitted: 1, draft: 0, confirmed: 0 } })
    expect((await comparisonList(`organization_id=${orgB.organization.id}`)).count).toBe(0)
  })

  it("filters by supplier (any offer), category, status and period; CSV parses back", async () => {
    const org = `organization_id=${orgA.organization.id}`
    expect((await comparisonList(`${org}&supplier_id=${comparison.offers[0].supplier.id}`)).count).toBe(1)
    const fresh = await registerSupplier(seed + 1100)
    expect((await comparisonList(`${org}&supplier_id=${fresh.id}`)).count).toBe(0)
    expect((await comparisonList(`${org}&category_id=${comparison.category_id}`)).count).toBe(1)
    expect((await comparisonList(`${org}&category_id=pcat_unknown`)).count).toBe(0)
    expect((await comparisonList(`${org}&status=submitted`)).count).toBe(1)
    expect((await comparisonList(`${org}&status=draft`)).count).toBe(0)
    expect((await comparisonList(`${org}&from=${new Date(Date.now() + 60_000).toISOString()}`)).count).toBe(0)
    const bad = await supervise(supervisor, "/supervisor/comparisons?status=lost")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/status/)

    const response = await fetch(backendUrl(`/supervisor/comparisons.csv?${org}`), { headers: { authorization: `Bearer ${supervisor.token}` } })
    expect(response.status).toBe(200)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ "比价ID Comparison id": comparison.id, "状态 Status": "submitted", "选择理由 Reason": "价格最低，售后响应快", "数量 Quantity": "3" })
    expect(Number(rows[0]["选定金额（元）Selected amount (CNY)"])).toBe(Math.round(comparison.offers[0].unit_price * 300) / 100)
  })

  it("a supervisor's token opens no comparison or agency route", async () => {
    const key = testStack().facts.publishable_keys.online.token
    const attempts: [string, string, unknown?][] = [
      ["POST", "/store/comparisons", { category_id: comparison.category_id, quantity: 1, variant_ids: ["x"] }],
      ["POST", `/store/comparisons/${comparison.id}/submit`, { selected_offer_id: "x", reason: "x", agency_id: agency.id }],
      ["GET", "/agency/me"],
      ["GET", "/agency/comparisons"],
      ["POST", `/agency/comparisons/${comparison.id}/claim`, {}],
      ["POST", `/agency/comparisons/${comparison.id}/confirm`, {}],
      ["POST", "/admin/agencies", { name: "自建机构", email: `x-${unique}@example.cn`, password: "Agency-Pass-1" }],
    ]
    for (const [method, path, body] of attempts) {
      const response = await asToken(supervisor.token, path, { method, headers: path.startsWith("/store") ? { "x-publishable-api-key": key } : {}, body: body === undefined ? undefined : JSON.stringify(body) })
      expect([401, 403], `${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`).toContain(response.status)
    }
    for (const method of ["POST", "PUT", "DELETE"]) {
      const response = await asToken(supervisor.token, "/supervisor/comparisons", { method, body: "{}" })
      expect(response.status).toBe(405)
    }
    expect((await comparisonList(`organization_id=${orgA.organization.id}`)).comparisons[0].status).toBe("submitted")
  })
})

describe("audit log", () => {
  it("shows who changed what in an organisation, with before/after, as JSON and CSV", async () => {
    // A change with a before and an after: the admin invites a colleague who joins, then gets a limit.
    const colleague = await registerCustomer("supervised-colleague")
    const invited = await postAs(orgA.admin, "/store/organizations/me/invitations", { email: colleague.email, role: "purchaser" })
    expect(invited.status, JSON.stringify(invited.body)).toBe(201)
    const accepted = await postAs(colleague, "/store/organization-invitations/accept", { token: invited.body.token })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    const memberId = accepted.body.member.id
    const updated = await postAs(orgA.admin, `/store/organizations/me/members/${memberId}`, { limit_per_order: 5000 })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)

    const log = await supervise(supervisor, `/supervisor/audit-log?organization_id=${orgA.organization.id}&limit=100`)
    expect(log.status, JSON.stringify(log.body)).toBe(200)
    const actions = log.body.entries.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(["organization.created", "member.joined"]))
    const change = log.body.entries.find((e: { entity_id: string; before: unknown }) => e.entity_id === memberId && e.before)
    expect(change).toBeDefined()
    expect(change.actor_type).toBe("customer")
    expect(change.actor_id).toBe(orgA.admin.id)
    expect(change.before.limit_per_order ?? null).toBeNull()
    expect(Number(change.after.limit_per_order)).toBe(5000)
    // Newest first.
    const times = log.body.entries.map((e: { at: string }) => e.at)
    expect([...times].sort().reverse()).toEqual(times)
    // Another organisation's entries are not in A's filter.
    expect(log.body.entries.every((e: { organization_id: string }) => e.organization_id === orgA.organization.id)).toBe(true)

    const csv = await supervise(supervisor, `/supervisor/audit-log.csv?organization_id=${orgA.organization.id}`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/)
    const rows = parseCsv(csv.body as string)
    expect(rows.map((r) => r["记录ID Entry id"])).toEqual(log.body.entries.map((e: { id: string }) => e.id))
    const csvChange = rows.find((r) => r["记录ID Entry id"] === change.id)!
    expect(JSON.parse(csvChange["变更后 After"])).toEqual(change.after)
    expect(csvChange["操作 Action"]).toBe(change.action)
  })
})

describe("read-only wall", () => {
  const PATHS = [
    "/supervisor/me",
    "/supervisor/orders",
    "/supervisor/orders.csv",
    "/supervisor/audit-log",
    "/supervisor/audit-log.csv",
    "/supervisor/organizations",
    "/supervisor/suppliers",
    "/supervisor/categories",
    "/supervisor/approvals",
    "/supervisor/approvals.csv",
    "/supervisor/comparisons",
    "/supervisor/comparisons.csv",
    "/supervisor/orders/some-id",
  ]

  it("every write method on every /supervisor route is a 405 with a message, with or without a token", async () => {
    for (const path of PATHS) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        for (const token of [supervisor.token, null]) {
          const response = await asToken(token, path, { method, body: JSON.stringify({ name: "x" }) })
          expect(response.status, `${method} ${path}`).toBe(405)
          expect(response.headers.get("allow")).toBe("GET, HEAD")
          expect(response.body.message, `${method} ${path}`).toMatch(/只能查看.*read-only/)
        }
      }
    }
  })

  it("a supervisor's token opens no buyer, operator or supplier route", async () => {
    const token = supervisor.token
    const attempts: [string, string, unknown?][] = [
      ["POST", "/store/organizations", { name: "监管员的单位", type: "individual" }],
      ["GET", "/store/organizations/me"],
      ["POST", `/store/organizations/me/members/${orgA.admin.id}`, { role: "admin" }],
      ["POST", "/store/organizations/me/invitations", { email: "x@example.cn" }],
      ["POST", "/store/organization-invitations/accept", { token: "x" }],
      ["POST", `/store/organizations/me/approvals/${approvalC.id}/approve`, { comment: "监管员批准" }],
      ["POST", `/store/organizations/me/approvals/${approvalC.id}/reject`, { comment: "监管员驳回" }],
      ["GET", "/store/organizations/me/approvals"],
      ["GET", "/store/customers/me"],
      ["POST", "/store/customers/me", { first_name: "改名" }],
      ["GET", "/store/orders"],
      ["GET", "/admin/organizations"],
      ["GET", `/admin/organizations/${orgA.organization.id}`],
      ["POST", "/admin/supervisors", { name: "自封", email: `self-${unique}@example.cn`, password: "Long-enough-1" }],
      ["GET", "/admin/supervisors"],
      ["GET", "/admin/procurement/audit-log"],
      ["GET", "/admin/orders"],
      ["POST", `/admin/orders/${orderA.id}/cancel`],
      ["GET", "/supplier/me"],
      ["GET", "/supplier/orders"],
      ["POST", "/supplier/products", { title: "x" }],
    ]
    for (const [method, path, body] of attempts) {
      const headers: Record<string, string> = {}
      if (path.startsWith("/store")) headers["x-publishable-api-key"] = testStack().facts.publishable_keys.online.token
      const response = await asToken(token, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      expect([401, 403], `${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`).toContain(response.status)
    }
    // Nothing was made with it.
    expect((await admin(`/admin/supervisors?q=${encodeURIComponent(`self-${unique}`)}`)).body.count).toBe(0)
    expect((await admin(`/admin/orders/${orderA.id}?fields=id,status`)).body.order.status).toBe("pending")
    const approval = await supervise(supervisor, `/supervisor/approvals?organization_id=${orgC.organization.id}`)
    expect(approval.body.approval_requests[0]).toMatchObject({ id: approvalC.id, status: "approved", comment: "同意" })
  })

  it("customers, suppliers, operators and anonymous callers cannot read /supervisor", async () => {
    const supplier = await registerSupplier(seed + 700)
    const tokens: [string, string | null][] = [
      ["customer", orgA.admin.token],
      ["supplier", supplier.token],
      ["operator", await adminToken()],
      ["anonymous", null],
      ["garbage", "not-a-token"],
    ]
    for (const [who, token] of tokens) {
      for (const path of ["/supervisor/me", "/supervisor/orders", "/supervisor/orders.csv", "/supervisor/approvals", "/supervisor/audit-log", "/supervisor/organizations"]) {
        const response = await asToken(token, path)
        expect(response.status, `${who} ${path}`).toBe(401)
      }
    }
  })

  it("a supervisor identity registered by anyone (no supervisor record) reads nothing", async () => {
    const email = `self-registered-${unique}@example.cn`
    const registered = await asToken(null, "/auth/supervisor/emailpass/register", { method: "POST", body: JSON.stringify({ email, password: "Self-made-1" }) })
    expect(registered.status, JSON.stringify(registered.body)).toBe(200)
    expect((await asToken(registered.body.token, "/supervisor/me")).status).toBe(401)
    const login = await supervisorLogin(email, "Self-made-1")
    expect(login.status).toBe(200)
    expect((await asToken(login.body.token!, "/supervisor/orders")).status).toBe(401)
  })
})
