// Livestream selling, the foundation (plugins/livestream) on the real backend: hosts created by the
// operator sign in as the `host` actor; operator grants (supplier or category) decide what a host
// may put in a lineup; sessions go scheduled → live → ended; the pin rules (one at a time, lineup
// only, off-sale refused, only while live) with their timeline; the wall between hosts (404); the
// public session view; customers and visitors on /host/* get 401; bad input 400 naming the field.

import { beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl, store, type JsonResponse } from "../support/http"
import { registerCustomer } from "../support/orders"

const unique = `${Date.now().toString(36)}${process.pid}`
let counter = 0

interface Host {
  id: string
  email: string
  token: string
}

function ok<T extends JsonResponse>(what: string, response: T, status = [200, 201]): T {
  if (!status.includes(response.status)) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`)
  return response
}

async function hostApi(token: string | null, path: string, init: { method?: string; body?: unknown } = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers["content-type"] = "application/json"
  const response = await fetch(backendUrl(path), { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await response.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {}
  return { status: response.status, body, headers: response.headers }
}

/** A host made through the admin route (generated password answered once), signed in at /auth/host/emailpass. */
async function createHost(label: string): Promise<Host> {
  const email = `host-${label}-${unique}-${++counter}@live.example.cn`
  const created = ok("create host", await admin("/admin/hosts", { method: "POST", body: JSON.stringify({ email, display_name: `主播${label}${counter}` }) }))
  expect(created.status).toBe(201)
  expect(typeof created.body.password).toBe("string")
  const login = await fetch(backendUrl("/auth/host/emailpass"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: created.body.password }) })
  const body = (await login.json()) as { token?: string }
  if (!login.ok || !body.token) throw new Error(`host login: ${login.status} ${JSON.stringify(body)}`)
  return { id: created.body.host.id, email, token: body.token }
}

// Internal categories: the store API never lists them, so the seeded catalogue's tree stays as
// the catalogue tests expect it.
async function createCategory(name: string, parentId?: string): Promise<string> {
  const response = ok(
    "create category",
    await admin("/admin/product-categories", {
      method: "POST",
      body: JSON.stringify({ name: `${name} ${unique}`, handle: `live-${name}-${unique}-${++counter}`.toLowerCase().replace(/[^a-z0-9-]/g, "-"), is_active: true, is_internal: true, ...(parentId ? { parent_category_id: parentId } : {}) }),
    })
  )
  return response.body.product_category.id
}

/** A product of our own (so no other test file's products change): one variant, CNY list price. */
async function createProduct(title: string, options: { categoryId: string; managed?: boolean; status?: "published" | "draft" }) {
  const response = ok(
    "create product",
    await admin("/admin/products", {
      method: "POST",
      body: JSON.stringify({
        title: `${title} ${unique}`,
        status: options.status ?? "published",
        categories: [{ id: options.categoryId }],
        options: [{ title: "规格", values: ["标准"] }],
        variants: [{ title: "标准", options: { 规格: "标准" }, manage_inventory: !!options.managed, prices: [{ currency_code: "cny", amount: 299 }] }],
      }),
    })
  )
  const product = response.body.product
  return { id: product.id as string, variantId: product.variants[0].id as string }
}

const future = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()

async function createSession(host: Host, title = "直播") {
  const response = ok("create session", await hostApi(host.token, "/host/sessions", { method: "POST", body: { title: `${title} ${unique}`, scheduled_start_at: future(1), stream_url: "https://channels.weixin.qq.com/live/abc" } }))
  return response.body.session
}

describe("livestream: hosts, sessions, lineups and pins", () => {
  let hostA: Host
  let hostB: Host
  let parentCategory: string
  let childCategory: string
  let otherCategory: string
  let granted: { id: string; variantId: string }
  let grantedTwo: { id: string; variantId: string }
  let outOfStock: { id: string; variantId: string }
  let notGranted: { id: string; variantId: string }
  let draft: { id: string; variantId: string }

  beforeAll(async () => {
    ;[hostA, hostB] = [await createHost("a"), await createHost("b")]
    parentCategory = await createCategory("Live Parent")
    childCategory = await createCategory("Live Child", parentCategory)
    otherCategory = await createCategory("Live Other")
    granted = await createProduct("直播测试商品一", { categoryId: childCategory })
    grantedTwo = await createProduct("直播测试商品二", { categoryId: parentCategory })
    outOfStock = await createProduct("直播测试无货商品", { categoryId: childCategory, managed: true })
    notGranted = await createProduct("直播测试未授权商品", { categoryId: otherCategory })
    draft = await createProduct("直播测试草稿商品", { categoryId: childCategory, status: "draft" })
    ok("grant", await admin(`/admin/hosts/${hostA.id}/grants`, { method: "POST", body: JSON.stringify({ kind: "category", target_id: parentCategory }) }))
  })

  it("the operator lists hosts with their grants; /host/me answers the signed-in host", async () => {
    const one = ok("get host", await admin(`/admin/hosts/${hostA.id}`))
    expect(one.body.host.grants).toEqual([expect.objectContaining({ kind: "category", target_id: parentCategory })])
    const list = ok("list hosts", await admin("/admin/hosts?limit=200"))
    expect(list.body.hosts.map((h: { id: string }) => h.id)).toEqual(expect.arrayContaining([hostA.id, hostB.id]))
    const me = ok("me", await hostApi(hostA.token, "/host/me"))
    expect(me.body.host).toMatchObject({ id: hostA.id, email: hostA.email, status: "active" })
    // The same email again: 409 with its own message; a grant to a missing target: 400; twice: 409.
    const again = await admin("/admin/hosts", { method: "POST", body: JSON.stringify({ email: hostA.email, display_name: "重复" }) })
    expect(again.status).toBe(409)
    expect(again.body.message).toContain("该邮箱已有账号")
    const missing = await admin(`/admin/hosts/${hostA.id}/grants`, { method: "POST", body: JSON.stringify({ kind: "supplier", target_id: "sup_nope" }) })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toContain("供应商不存在")
    const twice = await admin(`/admin/hosts/${hostA.id}/grants`, { method: "POST", body: JSON.stringify({ kind: "category", target_id: parentCategory }) })
    expect(twice.status).toBe(409)
  })

  it("customers, other actors and visitors get 401 on /host/*", async () => {
    const customer = await registerCustomer("live-viewer")
    for (const token of [customer.token, null, "not-a-token"]) {
      expect((await hostApi(token, "/host/me")).status).toBe(401)
      expect((await hostApi(token, "/host/sessions")).status).toBe(401)
      expect((await hostApi(token, "/host/sessions/lses_x/pin", { method: "POST", body: { lineup_item_id: "lsit_x" } })).status).toBe(401)
    }
    // A suspended host is locked out too.
    const suspended = await createHost("suspended")
    ok("suspend", await admin(`/admin/hosts/${suspended.id}`, { method: "POST", body: JSON.stringify({ status: "suspended" }) }))
    expect((await hostApi(suspended.token, "/host/me")).status).toBe(401)
  })

  it("lineups take only published products within the host's grants", async () => {
    const session = await createSession(hostA, "授权检查")
    expect(session).toMatchObject({ status: "scheduled", embed_kind: "wechat_channels", attribution_window_hours: 72 })
    const add = (body: Record<string, unknown>, host = hostA) => hostApi(host.token, `/host/sessions/${session.id}/lineup`, { method: "POST", body })
    // Sub-category of the granted category: allowed, with a live price and cap.
    const first = ok("add", await add({ product_id: granted.id, variant_id: granted.variantId, live_price: 199.5, live_stock_cap: 20 }))
    expect(first.body.item).toMatchObject({ product_id: granted.id, live_price: 199.5, live_stock_cap: 20, list_price: 299, rank: 0 })
    // The live price and cap can change (null clears); the list price never does.
    const itemPath = `/host/sessions/${session.id}/lineup/${first.body.item.id}`
    expect(ok("edit item", await hostApi(hostA.token, itemPath, { method: "POST", body: { live_price: 188, live_stock_cap: null } })).body.item).toMatchObject({ live_price: 188, live_stock_cap: null, list_price: 299 })
    const badEdit = await hostApi(hostA.token, itemPath, { method: "POST", body: { live_stock_cap: 0 } })
    expect(badEdit.status).toBe(400)
    expect(badEdit.body.message).toContain("live_stock_cap")
    expect((await hostApi(hostB.token, itemPath, { method: "POST", body: { live_price: 1 } })).status).toBe(404)
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}/lineup/lsit_nope`, { method: "POST", body: { live_price: 1 } })).status).toBe(404)
    const listPrice = ok("admin product", await admin(`/admin/products/${granted.id}?fields=id,*variants.prices`))
    expect(listPrice.body.product.variants[0].prices.map((p: { amount: number }) => p.amount)).toEqual([299])
    // Outside the grants: 403; draft: 400; wrong variant: 400; twice: 409; another host's session: 404.
    const outside = await add({ product_id: notGranted.id, variant_id: notGranted.variantId })
    expect(outside.status).toBe(403)
    expect(outside.body.message).toContain("不在您获授权")
    const unpublished = await add({ product_id: draft.id, variant_id: draft.variantId })
    expect(unpublished.status).toBe(400)
    expect(unpublished.body.message).toContain("商品未上架")
    expect((await add({ product_id: granted.id, variant_id: notGranted.variantId })).status).toBe(400)
    expect((await add({ product_id: "prod_missing", variant_id: "variant_missing" })).status).toBe(400)
    const twice = await add({ product_id: granted.id, variant_id: granted.variantId })
    expect(twice.status).toBe(409)
    expect(twice.body.message).toContain("已在本场直播")
    expect((await add({ product_id: grantedTwo.id, variant_id: grantedTwo.variantId }, hostB)).status).toBe(404)
    // Host B has no grants at all: even on their own session the product is refused.
    const sessionB = await createSession(hostB, "无授权")
    expect((await hostApi(hostB.token, `/host/sessions/${sessionB.id}/lineup`, { method: "POST", body: { product_id: granted.id, variant_id: granted.variantId } })).status).toBe(403)
    // Bad input: 400 naming the field.
    const bad = await add({ product_id: granted.id, variant_id: granted.variantId, live_price: -3 })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("live_price")
    const badSession = await hostApi(hostA.token, "/host/sessions", { method: "POST", body: { title: "", scheduled_start_at: "not a date" } })
    expect(badSession.status).toBe(400)
    expect(badSession.body.message).toMatch(/title|scheduled_start_at/)
    const backwards = await hostApi(hostA.token, "/host/sessions", { method: "POST", body: { title: "倒序", scheduled_start_at: future(3), scheduled_end_at: future(2) } })
    expect(backwards.status).toBe(400)
    expect(backwards.body.message).toContain("scheduled_end_at")
  })

  it("pin rules: only while live, lineup only, off sale refused, one at a time, with a timeline", async () => {
    const session = await createSession(hostA, "置顶规则")
    const other = await createSession(hostA, "另一场")
    const add = async (sessionId: string, product: { id: string; variantId: string }) =>
      ok("add", await hostApi(hostA.token, `/host/sessions/${sessionId}/lineup`, { method: "POST", body: { product_id: product.id, variant_id: product.variantId } })).body.item
    const one = await add(session.id, granted)
    const two = await add(session.id, grantedTwo)
    const empty = await add(session.id, outOfStock)
    const foreign = await add(other.id, granted)
    const pin = (lineup_item_id: string, host = hostA, id = session.id) => hostApi(host.token, `/host/sessions/${id}/pin`, { method: "POST", body: { lineup_item_id } })

    // Not live yet: 409.
    const early = await pin(one.id)
    expect(early.status).toBe(409)
    expect(early.body.message).toContain("只有直播中才能置顶")
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}/end`, { method: "POST" })).status).toBe(409)
    const live = ok("go live", await hostApi(hostA.token, `/host/sessions/${session.id}/go-live`, { method: "POST" }))
    expect(live.body.session).toMatchObject({ status: "live" })
    expect(live.body.session.started_at).toBeTruthy()
    // Going live twice, or a second session of the same host while one is live: 409.
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}/go-live`, { method: "POST" })).status).toBe(409)
    const second = await hostApi(hostA.token, `/host/sessions/${other.id}/go-live`, { method: "POST" })
    expect(second.status).toBe(409)
    expect(second.body.message).toContain("已有一场直播正在进行")

    // Another session's item, or one that does not exist: 400 with a clear message.
    const notInLineup = await pin(foreign.id)
    expect(notInLineup.status).toBe(400)
    expect(notInLineup.body.message).toContain("不在本场直播的商品列表中")
    expect((await pin("lsit_nope")).status).toBe(400)
    // No stock: 409.
    const offSale = await pin(empty.id)
    expect(offSale.status).toBe(409)
    expect(offSale.body.message).toContain("库存不足")
    // Viewers and other hosts cannot pin: 401 / 404.
    expect((await pin(one.id, hostB)).status).toBe(404)

    const first = ok("pin one", await pin(one.id))
    expect(first.body.pin).toMatchObject({ lineup_item_id: one.id, unpinned_at: null })
    expect(first.body.unpinned).toBeNull()
    const again = ok("pin one again", await pin(one.id))
    expect(again.body).toMatchObject({ unchanged: true, pin: { id: first.body.pin.id } })
    const switched = ok("pin two", await pin(two.id))
    expect(switched.body.pin).toMatchObject({ lineup_item_id: two.id, unpinned_at: null })
    expect(switched.body.unpinned).toMatchObject({ id: first.body.pin.id, lineup_item_id: one.id })
    expect(switched.body.unpinned.unpinned_at).toBeTruthy()

    // The pinned item cannot be taken off the lineup; the public view shows it as the current pin.
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}/lineup/${two.id}`, { method: "DELETE" })).status).toBe(409)
    const publicView = ok("public view", await store(`/store/live-sessions/${session.id}`, { channel: "livestream" }))
    expect(publicView.body.session).toMatchObject({ status: "live", host: { display_name: expect.stringContaining("主播a") } })
    expect(publicView.body.session.current_pin.item).toMatchObject({ id: two.id, product_id: grantedTwo.id, list_price: 299 })
    expect(publicView.body.session.lineup).toHaveLength(3)
    expect(JSON.stringify(publicView.body)).not.toContain(hostA.email)

    // Product taken off sale after it was lined up: pinning it is refused.
    ok("unpublish", await admin(`/admin/products/${granted.id}`, { method: "POST", body: JSON.stringify({ status: "draft" }) }))
    const unpublished = await pin(one.id)
    expect(unpublished.status).toBe(409)
    expect(unpublished.body.message).toContain("商品未上架")
    ok("republish", await admin(`/admin/products/${granted.id}`, { method: "POST", body: JSON.stringify({ status: "published" }) }))

    // Concurrent pins of different items: still exactly one open pin afterwards.
    await Promise.all([pin(one.id), pin(two.id), pin(one.id), pin(two.id)])
    const timeline = ok("pins", await hostApi(hostA.token, `/host/sessions/${session.id}/pins`))
    expect(timeline.body.pins.filter((p: { unpinned_at: string | null }) => p.unpinned_at === null)).toHaveLength(1)
    // Host B cannot see the timeline.
    expect((await hostApi(hostB.token, `/host/sessions/${session.id}/pins`)).status).toBe(404)

    const unpinned = ok("unpin", await hostApi(hostA.token, `/host/sessions/${session.id}/unpin`, { method: "POST" }))
    expect(unpinned.body.unpinned.unpinned_at).toBeTruthy()
    expect(ok("unpin nothing", await hostApi(hostA.token, `/host/sessions/${session.id}/unpin`, { method: "POST" })).body.unpinned).toBeNull()
    ok("pin after unpin", await pin(two.id))

    // Ending closes the open pin; nothing is open and nothing can be pinned afterwards.
    const ended = ok("end", await hostApi(hostA.token, `/host/sessions/${session.id}/end`, { method: "POST" }))
    expect(ended.body.session).toMatchObject({ status: "ended", current_pin: null })
    expect(ended.body.closed_pin).toMatchObject({ lineup_item_id: two.id })
    const after = ok("pins after end", await hostApi(hostA.token, `/host/sessions/${session.id}/pins`))
    expect(after.body.pins.every((p: { unpinned_at: string | null }) => p.unpinned_at !== null)).toBe(true)
    for (let i = 1; i < after.body.pins.length; i++) expect(after.body.pins[i].pinned_at >= after.body.pins[i - 1].pinned_at).toBe(true)
    expect((await pin(two.id)).status).toBe(409)
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}/go-live`, { method: "POST" })).status).toBe(409)
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}`, { method: "POST", body: { title: "改名" } })).status).toBe(409)
    expect((await hostApi(hostA.token, `/host/sessions/${session.id}`, { method: "DELETE" })).status).toBe(409)
    // The other session can go live now.
    ok("other live", await hostApi(hostA.token, `/host/sessions/${other.id}/go-live`, { method: "POST" }))
    ok("other end", await hostApi(hostA.token, `/host/sessions/${other.id}/end`, { method: "POST" }))
  })

  it("a supplier grant covers that supplier's products (supplier ↔ product link); withdrawn grants stop new lineup items", async () => {
    const products = ok("admin products", await admin("/admin/products?limit=100&status[]=published&fields=id,status,*variants,supplier.id"))
    const bySupplier = new Map<string, { id: string; variantId: string }>()
    for (const product of products.body.products) {
      const supplierId = product.supplier?.id
      if (supplierId && product.variants?.[0] && !bySupplier.has(supplierId)) bySupplier.set(supplierId, { id: product.id, variantId: product.variants[0].id })
    }
    const [[supplierId, own], [, foreign]] = [...bySupplier.entries()]
    expect(own && foreign).toBeTruthy()
    const host = await createHost("supplier")
    const grant = ok("grant supplier", await admin(`/admin/hosts/${host.id}/grants`, { method: "POST", body: JSON.stringify({ kind: "supplier", target_id: supplierId }) }))
    const session = await createSession(host, "供应商授权")
    const add = (product: { id: string; variantId: string }) =>
      hostApi(host.token, `/host/sessions/${session.id}/lineup`, { method: "POST", body: { product_id: product.id, variant_id: product.variantId } })
    expect((await add(own)).status).toBe(201)
    expect((await add(foreign)).status).toBe(403)
    ok("withdraw", await admin(`/admin/hosts/${host.id}/grants/${grant.body.grant.id}`, { method: "DELETE" }))
    expect((await admin(`/admin/hosts/${host.id}/grants/${grant.body.grant.id}`, { method: "DELETE" })).status).toBe(404)
    ok("remove item", await hostApi(host.token, `/host/sessions/${session.id}/lineup/${(await hostApi(host.token, `/host/sessions/${session.id}`)).body.session.lineup[0].id}`, { method: "DELETE" }))
    expect((await add(own)).status).toBe(403)
  })

  it("host A cannot read, edit or delete host B's sessions; the operator sees all", async () => {
    const mine = await createSession(hostB, "B 的直播")
    for (const [method, path, body] of [
      ["GET", `/host/sessions/${mine.id}`, undefined],
      ["POST", `/host/sessions/${mine.id}`, { title: "抢走" }],
      ["DELETE", `/host/sessions/${mine.id}`, undefined],
      ["POST", `/host/sessions/${mine.id}/go-live`, undefined],
      ["GET", `/host/sessions/${mine.id}/pins`, undefined],
    ] as const) {
      const response = await hostApi(hostA.token, path, { method, body })
      expect(response.status, `${method} ${path}`).toBe(404)
    }
    const listA = ok("list A", await hostApi(hostA.token, "/host/sessions?limit=200"))
    expect(listA.body.sessions.some((s: { id: string }) => s.id === mine.id)).toBe(false)
    expect(listA.body.sessions.every((s: { host_id: string }) => s.host_id === hostA.id)).toBe(true)
    const all = ok("admin sessions", await admin(`/admin/live-sessions?host_id=${hostB.id}`))
    expect(all.body.live_sessions.map((s: { id: string }) => s.id)).toContain(mine.id)
    expect(all.body.live_sessions[0].host_display_name).toContain("主播b")
    // B edits and deletes their own scheduled session.
    expect(ok("edit", await hostApi(hostB.token, `/host/sessions/${mine.id}`, { method: "POST", body: { title: "B 改名" } })).body.session.title).toBe("B 改名")
    ok("delete", await hostApi(hostB.token, `/host/sessions/${mine.id}`, { method: "DELETE" }))
    expect((await hostApi(hostB.token, `/host/sessions/${mine.id}`)).status).toBe(404)
    expect((await store(`/store/live-sessions/${mine.id}`, { channel: "livestream" })).status).toBe(404)
  })
})
