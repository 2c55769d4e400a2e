// Price comparisons (在线比价), tendering agencies (招标代理机构) and electronic reports
// (plugins/procurement) on the real backend: a buyer organisation compares offers from three
// suppliers, submits its choice to an agency, which claims it, returns it with a comment, gets it
// back and confirms it; the confirmation makes a PDF report with a serial number, a SHA-256 and a
// QR code, verifiable by anyone with the file; the confirmed comparison becomes a cart at the
// compared price. Then the attempts that must fail: the rules (400s), wrong states (409s), other
// organisations and agencies (404), a customer on agency routes (401), an expired price lock.

import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { Client } from "pg"
import { beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl, store } from "../support/http"
import { cnyRegionId, postAs, registerCustomer, SHIPPING_ADDRESS, storeAs, type TestCustomer } from "../support/orders"
import { testStack } from "../support/stack"
import { creditCode, registerSupplier, supplierApi, type RegisteredSupplier } from "../support/supplier"

async function sql(text: string, values: unknown[]) {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

const runSeed = 300_000 + (Date.now() % 40_000) * 20
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

// ---- agencies --------------------------------------------------------------------------------

interface TestAgency {
  id: string
  name: string
  token: string
}

async function createAgency(name: string): Promise<TestAgency> {
  const email = `agency-${unique()}@example.cn`
  const password = "Agency-Pass-1"
  const created = await admin("/admin/agencies", { method: "POST", body: JSON.stringify({ name, email, password, user_name: "赵审核" }) })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const login = await fetch(backendUrl("/auth/agency/emailpass"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) })
  const body = (await login.json()) as { token: string }
  expect(login.status, JSON.stringify(body)).toBe(200)
  return { id: created.body.agency.id, name, token: body.token }
}

function agencyApi(agency: TestAgency | { token: string }, pathname: string, body?: unknown) {
  return supplierApi(pathname, { token: agency.token, ...(body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }) })
}

// ---- catalogue -------------------------------------------------------------------------------

let regionId = ""

async function approvedSupplier(n: number): Promise<RegisteredSupplier> {
  const supplier = await registerSupplier(runSeed + n)
  const approved = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  return supplier
}

interface OwnListing {
  product_id: string
  variant_id: string
  title: string
  change_id: string
}

/** A warehouse of the supplier (linked to the online store's sales channel), so its products can be put in a cart. */
async function createLocation(supplier: RegisteredSupplier): Promise<string> {
  const response = await supplierApi("/supplier/stock-locations", {
    method: "POST",
    token: supplier.token,
    body: JSON.stringify({ name: `比价测试仓 ${unique()}`, address: { address_1: "天府大道中段 100 号", city: "成都", province: "四川省", postal_code: "610000" } }),
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.stock_location.id
}

const locations = new Map<string, string>()

async function createListing(supplier: RegisteredSupplier, categoryId: string, title: string, price: number, warranty: number): Promise<OwnListing> {
  const u = unique()
  if (!locations.has(supplier.id)) locations.set(supplier.id, await createLocation(supplier))
  const created = await supplierApi("/supplier/products", {
    method: "POST",
    token: supplier.token,
    body: JSON.stringify({
      title: `${title} ${u}`,
      // Names no search test looks for: these published products share the catalogue with them.
      subtitle: "比价样机",
      description: "比价测试用样机。",
      kind: "goods",
      category_id: categoryId,
      specs: [
        { key: "brand", value: title.slice(0, 2) },
        { key: "model", value: `M-${u}` },
        { key: "warranty_months", value: warranty },
        { key: "after_sales_response_hours", value: 24 },
        { key: "print_speed_ppm", value: 30 },
      ],
      variants: [{ title: "标准", sku: `CMP-${u}`.toUpperCase(), price_cny: price }],
      stock: [{ variant_index: 0, location_id: locations.get(supplier.id), quantity: 50 }],
    }),
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return { product_id: created.body.product.id, variant_id: created.body.product.variants[0].id, title: created.body.product.title, change_id: created.body.change.id }
}

async function approveChange(changeId: string) {
  const decided = await admin(`/admin/listing-changes/${changeId}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
  expect(decided.status, JSON.stringify(decided.body)).toBe(200)
}

async function storePrice(variantId: string): Promise<number> {
  const r = await store(`/store/products?region_id=${regionId}&fields=id,*variants.calculated_price&limit=1&variants.id=${variantId}`)
  for (const p of r.body.products ?? []) for (const v of p.variants) if (v.id === variantId) return Number(v.calculated_price.calculated_amount)
  throw new Error(`variant ${variantId} not in the store`)
}

interface SeededOffer {
  variant_id: string
  title: string
  supplier_code: string
}

/**
 * Seeded goods with stock (seeded suppliers have codes like SUP-002; registered ones more): three
 * suppliers' offers in the category (the seed's printing-copying has three), and one product elsewhere.
 */
async function seededOffers(categoryId: string): Promise<{ categoryId: string; offers: SeededOffer[]; elsewhere: SeededOffer & { category_id: string } }> {
  const inCategory = new Map<string, SeededOffer>()
  let elsewhere: (SeededOffer & { category_id: string }) | null = null
  for (let offset = 0; offset < 3000; offset += 100) {
    const r = await store(`/store/products?region_id=${regionId}&limit=100&offset=${offset}&fields=id,title,metadata,*categories,*variants,+variants.inventory_quantity`)
    expect(r.status).toBe(200)
    for (const p of r.body.products) {
      const code = p.metadata?.supplier_code
      if (p.metadata?.offer_kind !== "goods" || typeof code !== "string" || !/^SUP-\d{3}$/.test(code)) continue
      const variant = p.variants.find((v: { inventory_quantity?: number }) => (v.inventory_quantity ?? 0) >= 10)
      const category = p.categories?.[0]?.id
      if (!variant || !category) continue
      const offer = { variant_id: variant.id, title: p.title, supplier_code: code }
      if (category === categoryId) {
        if (!inCategory.has(code)) inCategory.set(code, offer)
      } else elsewhere ??= { ...offer, category_id: category }
    }
    if (inCategory.size >= 3 && elsewhere) return { categoryId, offers: [...inCategory.values()].slice(0, 3), elsewhere }
    if (offset + 100 >= r.body.count) break
  }
  throw new Error(`no three seeded suppliers with goods in ${categoryId} (found ${inCategory.size}) or nothing elsewhere`)
}

// ---- buyers ----------------------------------------------------------------------------------

async function organizationAdmin(label: string): Promise<TestCustomer> {
  const customer = await registerCustomer(label)
  const created = await postAs(customer, "/store/organizations", { name: `${label} 比价测试单位 ${unique()}`, type: "public_institution", credit_code: creditCode(runSeed + Math.floor(Math.random() * 9000)) })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return customer
}

const comparisonOf = (customer: TestCustomer, id: string) => storeAs(customer, `/store/comparisons/${id}`)

async function downloadReport(customer: TestCustomer, id: string) {
  const response = await fetch(backendUrl(`/store/comparisons/${id}/report`), {
    headers: { authorization: `Bearer ${customer.token}`, "x-publishable-api-key": testStack().facts.publishable_keys.online.token },
  })
  return { status: response.status, type: response.headers.get("content-type"), bytes: Buffer.from(await response.arrayBuffer()) }
}

async function verify(serial: string, bytes: Buffer) {
  const response = await fetch(backendUrl(`/store/reports/${encodeURIComponent(serial)}/verify`), {
    method: "POST",
    headers: { "content-type": "application/pdf", "x-publishable-api-key": testStack().facts.publishable_keys.online.token },
    body: new Uint8Array(bytes),
  })
  return { status: response.status, body: (await response.json()) as any }
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gwc-report-"))
  const file = path.join(dir, "report.pdf")
  writeFileSync(file, bytes)
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" })
}

// ---- fixtures --------------------------------------------------------------------------------

let buyerA: TestCustomer
let buyerB: TestCustomer
let agencyX: TestAgency
let agencyY: TestAgency
let printing = ""
let own: OwnListing[] = []
let ownSuppliers: RegisteredSupplier[] = []
let unpublished: OwnListing
let seeded: Awaited<ReturnType<typeof seededOffers>>

beforeAll(async () => {
  regionId = await cnyRegionId()
  const categories = await store("/store/product-categories?limit=200&fields=id,handle")
  printing = categories.body.product_categories.find((c: { handle: string }) => c.handle === "printing-copying").id
  const suppliers = await Promise.all([approvedSupplier(1), approvedSupplier(2), approvedSupplier(3)])
  ownSuppliers = suppliers
  own = await Promise.all([
    createListing(suppliers[0], printing, "蓉城比价样机甲型", 2399, 24),
    createListing(suppliers[1], printing, "天府比价样机乙型", 2599, 36),
    createListing(suppliers[2], printing, "锦江比价样机丙型", 1999, 12),
  ])
  for (const listing of own) await approveChange(listing.change_id)
  unpublished = await createListing(suppliers[0], printing, "待审核比价样机", 1888, 12)
  ;[buyerA, buyerB] = await Promise.all([organizationAdmin("cmp-a"), organizationAdmin("cmp-b")])
  ;[agencyX, agencyY] = await Promise.all([createAgency(`四川公采招标代理有限公司 ${unique()}`), createAgency(`成都正信招标代理有限公司 ${unique()}`)])
  seeded = await seededOffers(printing)
}, 240_000)

// ---- the rules -------------------------------------------------------------------------------

describe("the comparison rules (400s naming the problem)", () => {
  const create = (body: Record<string, unknown>) => postAs(buyerA, "/store/comparisons", { category_id: printing, quantity: 2, ...body })

  it("needs three offers from three different suppliers", async () => {
    const two = await create({ variant_ids: own.slice(0, 2).map((o) => o.variant_id) })
    expect(two.status).toBe(400)
    expect(two.body.message).toContain("至少需要 3 个报价")
    expect(two.body.message).toContain("at least 3 offers")

    // three offers, but two from the same supplier (the unpublished one is also supplier 0's: use seeded + own of one supplier)
    const sameSupplier = await postAs(buyerA, "/store/comparisons", {
      category_id: seeded.categoryId,
      quantity: 1,
      variant_ids: [seeded.offers[0].variant_id, seeded.offers[1].variant_id, await secondVariantOf(seeded.offers[0])],
    })
    expect(sameSupplier.status, JSON.stringify(sameSupplier.body)).toBe(400)
    expect(sameSupplier.body.message).toContain("至少需要 3 家不同供应商")
    expect(sameSupplier.body.message).toContain("at least 3 different suppliers")
  })

  it("refuses offers from several categories or outside the chosen one", async () => {
    const mixed = await create({ variant_ids: [own[0].variant_id, own[1].variant_id, seeded.elsewhere.variant_id] })
    expect(mixed.status).toBe(400)
    expect(mixed.body.message).toMatch(/同一品目|不属于所选品目/)

    const outside = await postAs(buyerA, "/store/comparisons", { category_id: seeded.elsewhere.category_id, quantity: 1, variant_ids: own.map((o) => o.variant_id) })
    expect(outside.status).toBe(400)
    expect(outside.body.message).toContain("不属于所选品目")
    expect(outside.body.message).toContain("outside the chosen category")
  })

  it("refuses an unpublished product and an unknown variant, naming them", async () => {
    const pending = await create({ variant_ids: [own[1].variant_id, own[2].variant_id, unpublished.variant_id] })
    expect(pending.status).toBe(400)
    expect(pending.body.message).toContain("商品未上架")
    expect(pending.body.message).toContain(unpublished.title)

    const unknown = await create({ variant_ids: [...own.map((o) => o.variant_id), "variant_does_not_exist"] })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toContain("variant_does_not_exist")

    const badBody = await postAs(buyerA, "/store/comparisons", { category_id: printing, quantity: 0, variant_ids: own.map((o) => o.variant_id) })
    expect(badBody.status).toBe(400)
    expect(badBody.body.message).toContain("quantity")
  })

  it("refuses malformed requests with a 400 naming the field, in Chinese then English", async () => {
    const cases: [string, unknown, RegExp][] = [
      ["/store/comparisons", { category_id: printing, quantity: 0, variant_ids: own.map((o) => o.variant_id) }, /quantity: 至少为 1 \/ is at least 1/],
      ["/store/comparisons", { category_id: printing, quantity: 1, variant_ids: [] }, /variant_ids: 至少选择一个报价/],
      ["/store/comparisons", { category_id: "", quantity: 1, variant_ids: own.map((o) => o.variant_id) }, /category_id: 不能为空/],
    ]
    for (const [path, body, message] of cases) {
      const r = await postAs(buyerA, path, body)
      expect(r.status, JSON.stringify(r.body)).toBe(400)
      expect(r.body.message).toMatch(message)
    }
    const listed = await storeAs(buyerA, "/store/comparisons?status=lost")
    expect(listed.status).toBe(400)
    expect(listed.body.message).toMatch(/status: 须为 draft、/)
    // The operator's agency form: a credit code with a wrong check character, an email that is not one.
    const agency = await admin("/admin/agencies", { method: "POST", body: JSON.stringify({ name: "校验测试代理", email: "not-an-email", credit_code: creditCode(runSeed, { wrongCheck: true }) }) })
    expect(agency.status).toBe(400)
    expect(agency.body.message).toMatch(/credit_code: 统一社会信用代码校验位不正确/)
    expect(agency.body.message).toMatch(/email: 邮箱格式不正确/)
  })

  it("a customer in no organisation cannot compare (404)", async () => {
    const loner = await registerCustomer("cmp-loner")
    const r = await postAs(loner, "/store/comparisons", { category_id: printing, quantity: 1, variant_ids: own.map((o) => o.variant_id) })
    expect(r.status).toBe(404)
  })
})

async function secondVariantOf(offer: SeededOffer): Promise<string> {
  // Another product of the same supplier in the same category, or another variant of the same product.
  const r = await store(`/store/products?region_id=${regionId}&limit=200&category_id[]=${seeded.categoryId}&fields=id,metadata,*variants`)
  for (const p of r.body.products) {
    if (p.metadata?.supplier_code !== offer.supplier_code) continue
    const v = p.variants.find((v: { id: string }) => v.id !== offer.variant_id)
    if (v) return v.id
  }
  throw new Error(`no second variant of ${offer.supplier_code} in the category`)
}

// ---- the agency flow -------------------------------------------------------------------------

describe("draft → submitted → claimed → returned → resubmitted → confirmed, with the report", () => {
  let id = ""
  let cheapest = ""
  let serial = ""
  let pdf: Buffer

  it("creates a draft with the offers snapshotted: supplier, price, specs, after-sales", async () => {
    const created = await postAs(buyerA, "/store/comparisons", {
      title: "办公室打印机采购比价",
      category_id: printing,
      quantity: 3,
      required_specs: "A4 黑白或彩色，双面打印，质保不少于 12 个月",
      variant_ids: own.map((o) => o.variant_id),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const c = created.body.comparison
    id = c.id
    expect(c).toMatchObject({ status: "draft", quantity: 3, title: "办公室打印机采购比价", serial: null, report: null, agency: null })
    expect(c.offers).toHaveLength(3)
    expect(c.offers.map((o: { unit_price: number }) => o.unit_price)).toEqual([2399, 2599, 1999])
    expect(new Set(c.offers.map((o: { supplier: { id: string } }) => o.supplier.id)).size).toBe(3)
    expect(c.offers[0].supplier.name).toMatch(/^成都测试办公设备有限公司/)
    expect(c.offers[0].specs["质保期"]).toBe("24 月")
    expect(c.offers[1].after_sales).toContain("质保期 36 月")
    expect(c.offers[1].after_sales).toContain("售后响应时间 24 小时")
    cheapest = c.offers[2].id

    const list = await storeAs(buyerA, "/store/comparisons?status=draft")
    expect(list.body.comparisons.map((x: { id: string }) => x.id)).toContain(id)
  })

  it("the report is a 409 before confirmation; agencies cannot see a draft", async () => {
    const early = await downloadReport(buyerA, id)
    expect(early.status).toBe(409)
    expect(JSON.parse(early.bytes.toString()).message).toContain("确认后才生成比价报告")
    expect((await agencyApi(agencyX, `/agency/comparisons/${id}`)).status).toBe(404)
  })

  it("submits the choice with its reason to agency X; X sees it in its queue, Y does not", async () => {
    const agencies = await store("/store/agencies")
    expect(agencies.body.agencies.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([agencyX.id, agencyY.id]))

    const missing = await postAs(buyerA, `/store/comparisons/${id}/submit`, { selected_offer_id: cheapest, agency_id: agencyX.id })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toContain("reason")
    const foreignOffer = await postAs(buyerA, `/store/comparisons/${id}/submit`, { selected_offer_id: "pcoff_nope", reason: "最低价", agency_id: agencyX.id })
    expect(foreignOffer.status).toBe(400)

    const submitted = await postAs(buyerA, `/store/comparisons/${id}/submit`, { selected_offer_id: cheapest, reason: "满足需求且报价最低", agency_id: agencyX.id })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    expect(submitted.body.comparison).toMatchObject({ status: "submitted", selected_offer_id: cheapest, selection_reason: "满足需求且报价最低", agency: { id: agencyX.id } })
    expect(submitted.body.comparison.reviews.map((r: { action: string }) => r.action)).toEqual(["submitted"])

    const queueX = await agencyApi(agencyX, "/agency/comparisons?status=submitted")
    expect(queueX.status).toBe(200)
    expect(queueX.body.comparisons.map((c: { id: string }) => c.id)).toContain(id)
    const queueY = await agencyApi(agencyY, "/agency/comparisons")
    expect(queueY.body.comparisons.map((c: { id: string }) => c.id)).not.toContain(id)
    expect((await agencyApi(agencyY, `/agency/comparisons/${id}`)).status).toBe(404)
    expect((await agencyApi(agencyY, `/agency/comparisons/${id}/claim`, {})).status).toBe(404)

    // submitted: the buyer can no longer edit; the agency cannot confirm before claiming
    expect((await postAs(buyerA, `/store/comparisons/${id}`, { quantity: 5 })).status).toBe(409)
    const early = await agencyApi(agencyX, `/agency/comparisons/${id}/confirm`, {})
    expect(early.status).toBe(409)
    expect(early.body.message).toContain("不能执行此操作")
  })

  it("X claims it (once), returns it with a required comment; the buyer edits and resubmits", async () => {
    const claimed = await agencyApi(agencyX, `/agency/comparisons/${id}/claim`, {})
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200)
    expect(claimed.body.comparison.status).toBe("claimed")
    expect((await agencyApi(agencyX, `/agency/comparisons/${id}/claim`, {})).status).toBe(409)

    const noComment = await agencyApi(agencyX, `/agency/comparisons/${id}/return`, {})
    expect(noComment.status).toBe(400)
    expect(noComment.body.message).toContain("comment")
    const returned = await agencyApi(agencyX, `/agency/comparisons/${id}/return`, { comment: "请补充采购数量依据，并说明质保要求" })
    expect(returned.status).toBe(200)
    expect(returned.body.comparison.status).toBe("returned")

    const seen = await comparisonOf(buyerA, id)
    expect(seen.body.comparison.reviews.at(-1)).toMatchObject({ action: "returned", comment: "请补充采购数量依据，并说明质保要求" })
    expect(seen.body.comparison.reviews.at(-1).by.name).toContain(agencyX.name)

    const edited = await postAs(buyerA, `/store/comparisons/${id}`, { quantity: 4, required_specs: "A4，双面打印，质保不少于 12 个月；按 4 个科室各 1 台" })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.comparison).toMatchObject({ status: "returned", quantity: 4 })

    const resubmitted = await postAs(buyerA, `/store/comparisons/${id}/submit`, { selected_offer_id: cheapest, reason: "满足需求且报价最低，质保 12 个月符合要求", agency_id: agencyX.id })
    expect(resubmitted.status).toBe(200)
    expect(resubmitted.body.comparison.status).toBe("submitted")
    expect(resubmitted.body.comparison.reviews.map((r: { action: string }) => r.action)).toEqual(["submitted", "claimed", "returned", "resubmitted"])
  })

  it("X confirms: serial number, price lock and the report", async () => {
    expect((await agencyApi(agencyX, `/agency/comparisons/${id}/claim`, {})).status).toBe(200)
    const confirmed = await agencyApi(agencyX, `/agency/comparisons/${id}/confirm`, { comment: "比价程序合规，同意" })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    const c = confirmed.body.comparison
    expect(c.status).toBe("confirmed")
    expect(c.serial).toMatch(new RegExp(`^GWC-CMP-${new Date().getUTCFullYear()}-\\d{6}$`))
    serial = c.serial
    expect(c.report.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(c.report.verify_url).toMatch(new RegExp(`/reports/${serial}/verify$`))
    const lockDays = (new Date(c.prices_locked_until).getTime() - new Date(c.confirmed_at).getTime()) / 86_400_000
    expect(lockDays).toBeCloseTo(30, 3)
    expect((await agencyApi(agencyX, `/agency/comparisons/${id}/return`, { comment: "太晚了" })).status).toBe(409)
    expect((await postAs(buyerA, `/store/comparisons/${id}`, { quantity: 1 })).status).toBe(409)
  })

  it("the PDF holds the serial, the organisation, every offer, the choice, the agency and the hash; it downloads byte-identical", async () => {
    const first = await downloadReport(buyerA, id)
    expect(first.status).toBe(200)
    expect(first.type).toBe("application/pdf")
    expect(first.bytes.subarray(0, 5).toString()).toBe("%PDF-")
    const second = await downloadReport(buyerA, id)
    expect(second.bytes.equals(first.bytes)).toBe(true)
    pdf = first.bytes

    const text = pdfText(pdf)
    const flat = text.replace(/\s+/g, "")
    expect(flat).toContain(serial)
    for (const offer of own) expect(flat).toContain(offer.title.replace(/\s+/g, ""))
    expect(flat).toContain("满足需求且报价最低")
    expect(flat).toContain(agencyX.name.replace(/\s+/g, ""))
    expect(flat).toContain("比价程序合规，同意")
    expect(flat).toContain("¥1,999.00")
    const c = (await comparisonOf(buyerA, id)).body.comparison
    expect(flat).toContain(c.report.content_sha256)
    expect(flat).toContain(c.organization.name.replace(/\s+/g, ""))
  })

  it("verification: the downloaded file is authentic, the same file with one byte changed is not", async () => {
    const facts = await store(`/store/reports/${serial}`)
    expect(facts.status).toBe(200)
    expect(facts.body.report).toMatchObject({ serial, title: "办公室打印机采购比价" })
    expect((await store("/store/reports/GWC-CMP-1999-999999")).status).toBe(404)

    const good = await verify(serial, pdf)
    expect(good.status).toBe(200)
    expect(good.body).toMatchObject({ authentic: true, serial, sha256_expected: facts.body.report.sha256, sha256_given: facts.body.report.sha256 })
    expect(good.body.message).toContain("真实有效")

    const tampered = Buffer.from(pdf)
    const at = Math.floor(tampered.length / 2)
    tampered[at] = tampered[at] ^ 0x01
    const bad = await verify(serial, tampered)
    expect(bad.status).toBe(200)
    expect(bad.body.authentic).toBe(false)
    expect(bad.body.message).toContain("已被篡改")
    expect((await verify(serial, Buffer.alloc(0))).status).toBe(400)
  })

  it("the storefront's verify page (where the QR code leads) says 真实有效 for the file and 已被篡改 for a changed one", async () => {
    const page = `${testStack().facts.storefront_url}/reports/${serial}/verify`
    const shown = await fetch(page)
    expect(shown.status).toBe(200)
    const html = await shown.text()
    expect(html).toContain(serial)
    expect(html).toContain("比价报告真伪核验")
    expect(html).toMatch(/<label for="verify-file">/)

    const upload = async (bytes: Buffer) => {
      const form = new FormData()
      form.append("report", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "report.pdf")
      const response = await fetch(page, { method: "POST", body: form, headers: { accept: "text/html" } })
      return { status: response.status, html: await response.text() }
    }
    const good = await upload(pdf)
    expect(good.status).toBe(200)
    expect(good.html).toContain("真实有效")
    const changed = Buffer.from(pdf)
    changed[100] = changed[100] ^ 0x20
    const bad = await upload(changed)
    expect(bad.html).toContain("已被篡改")
    expect(bad.html).not.toContain("<strong>真实有效</strong>")
    expect((await fetch(`${testStack().facts.storefront_url}/reports/GWC-CMP-1999-999999/verify`)).status).toBe(404)
  })

  it("ordering uses the locked price even after the supplier changed it, and refuses after the window", async () => {
    // the supplier raises the chosen product's price through its portal; the operator approves it
    const raise = await supplierApi(`/supplier/products/${own[2].product_id}`, {
      method: "POST",
      token: ownSuppliers[2].token,
      body: JSON.stringify({ variants: [{ id: own[2].variant_id, price_cny: 2888 }] }),
    })
    expect(raise.status, JSON.stringify(raise.body)).toBe(200)
    await approveChange(raise.body.pending_change.id)
    expect(await storePrice(own[2].variant_id)).toBe(2888)

    const ordered = await postAs(buyerA, `/store/comparisons/${id}/order`)
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201)
    const cart = ordered.body.cart
    expect(cart.items).toHaveLength(1)
    expect(cart.items[0]).toMatchObject({ variant_id: own[2].variant_id, quantity: 4, is_custom_price: true })
    expect(Number(cart.items[0].unit_price)).toBe(1999)
    expect(cart.customer_id).toBe(buyerA.id)

    // Medusa's cart refresh (setting an address) keeps the compared price
    const refreshed = await postAs(buyerA, `/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS })
    expect(refreshed.status).toBe(200)
    expect(Number(refreshed.body.cart.items[0].unit_price)).toBe(1999)
    expect((await comparisonOf(buyerA, id)).body.comparison.cart_id).toBe(cart.id)

    // org B cannot order it; after the price lock nobody can
    expect((await postAs(buyerB, `/store/comparisons/${id}/order`)).status).toBe(404)
    await sql("update price_comparison set prices_locked_until = now() - interval '1 minute' where id = $1", [id])
    const late = await postAs(buyerA, `/store/comparisons/${id}/order`)
    expect(late.status).toBe(409)
    expect(late.body.message).toContain("有效期")
  })

  it("every state change is in the audit log: who, what, before/after", async () => {
    const log = await admin(`/admin/procurement/audit-log?entity_type=price_comparison&entity_id=${id}&limit=100`)
    expect(log.status, JSON.stringify(log.body)).toBe(200)
    const actions = [...log.body.entries].reverse().map((e: { action: string }) => e.action)
    expect(actions).toEqual([
      "comparison.created",
      "comparison.submitted",
      "comparison.claimed",
      "comparison.returned",
      "comparison.updated",
      "comparison.resubmitted",
      "comparison.claimed",
      "comparison.confirmed",
      "comparison.cart_created",
    ])
    const returned = log.body.entries.find((e: { action: string }) => e.action === "comparison.returned")
    expect(returned).toMatchObject({ actor_type: "agency", before: { status: "claimed" }, after: { status: "returned" } })
    const updated = log.body.entries.find((e: { action: string }) => e.action === "comparison.updated")
    expect(updated).toMatchObject({ actor_type: "customer", actor_id: buyerA.id, before: { quantity: 3 }, after: { quantity: 4 } })
    const report = await admin(`/admin/procurement/audit-log?entity_type=comparison_report&action=report.generated&limit=100`)
    expect(report.body.entries.some((e: { after: { comparison_id: string } }) => e.after.comparison_id === id)).toBe(true)
    const agencyLog = await admin(`/admin/procurement/audit-log?entity_type=agency&entity_id=${agencyX.id}`)
    expect(agencyLog.body.entries.map((e: { action: string }) => e.action)).toEqual(["agency.created"])
  })

  it("tenants: org B sees none of it; a customer token is refused on agency routes", async () => {
    expect((await comparisonOf(buyerB, id)).status).toBe(404)
    expect((await downloadReport(buyerB, id)).status).toBe(404)
    expect((await postAs(buyerB, `/store/comparisons/${id}/submit`, { selected_offer_id: cheapest, reason: "x", agency_id: agencyX.id })).status).toBe(404)
    expect((await postAs(buyerB, `/store/comparisons/${id}`, { quantity: 9 })).status).toBe(404)
    const listB = await storeAs(buyerB, "/store/comparisons")
    expect(listB.body.comparisons.map((c: { id: string }) => c.id)).not.toContain(id)

    expect((await agencyApi({ token: buyerA.token }, "/agency/comparisons")).status).toBe(401)
    expect((await agencyApi({ token: buyerA.token }, `/agency/comparisons/${id}/confirm`, {})).status).toBe(401)
    expect((await supplierApi("/agency/me")).status).toBe(401)
    const me = await agencyApi(agencyX, "/agency/me")
    expect(me.body.agency).toMatchObject({ id: agencyX.id, name: agencyX.name })
  })
})


// ---- conversion to an order ------------------------------------------------------------------

describe("an order placed from the comparison's cart marks it ordered", () => {
  it("seeded offers from three suppliers → confirmed → cart → checkout → ordered", async () => {
    const created = await postAs(buyerA, "/store/comparisons", { category_id: seeded.categoryId, quantity: 1, variant_ids: seeded.offers.map((o) => o.variant_id) })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const c = created.body.comparison
    const choice = c.offers[0]
    expect((await postAs(buyerA, `/store/comparisons/${c.id}/order`)).status).toBe(409)
    expect((await postAs(buyerA, `/store/comparisons/${c.id}/submit`, { selected_offer_id: choice.id, reason: "交付最快", agency_id: agencyY.id })).status).toBe(200)
    expect((await agencyApi(agencyY, `/agency/comparisons/${c.id}/claim`, {})).status).toBe(200)
    expect((await agencyApi(agencyY, `/agency/comparisons/${c.id}/confirm`, {})).status).toBe(200)

    const ok = (what: string, r: { status: number; body: any }) => {
      if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`)
      return r
    }
    const readyToPay = async (cartId: string) => {
      ok("address", await postAs(buyerA, `/store/carts/${cartId}`, { shipping_address: SHIPPING_ADDRESS }))
      const options = ok("options", await storeAs(buyerA, `/store/shipping-options?cart_id=${cartId}`))
      const option = options.body.shipping_options.find((o: { type?: { code?: string } }) => o.type?.code === "standard-delivery")
      ok("shipping method", await postAs(buyerA, `/store/carts/${cartId}/shipping-methods`, { option_id: option.id }))
      const collection = ok("collection", await postAs(buyerA, "/store/payment-collections", { cart_id: cartId }))
      ok("session", await postAs(buyerA, `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
    }
    const firstCart = await postAs(buyerA, `/store/comparisons/${c.id}/order`)
    expect(firstCart.status, JSON.stringify(firstCart.body)).toBe(201)
    await readyToPay(firstCart.body.cart.id)
    // Asking again makes a newer cart; the older one can no longer be placed.
    const ordered = await postAs(buyerA, `/store/comparisons/${c.id}/order`)
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201)
    const cartId = ordered.body.cart.id
    const stale = await postAs(buyerA, `/store/carts/${firstCart.body.cart.id}/complete`)
    expect(stale.status, JSON.stringify(stale.body)).toBe(400)
    expect(stale.body.message).toContain("更新的下单购物车")
    await readyToPay(cartId)

    // The locked-price line cannot be bought in another quantity, nor beside other goods. (A cart
    // change drops Medusa's payment session, so each attempt sets the cart up to pay again.)
    const line = ordered.body.cart.items[0]
    ok("more", await postAs(buyerA, `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 5 }))
    await readyToPay(cartId)
    const tooMany = await postAs(buyerA, `/store/carts/${cartId}/complete`)
    expect(tooMany.status, JSON.stringify(tooMany.body)).toBe(400)
    expect(tooMany.body.message).toContain("数量为 1")
    ok("back", await postAs(buyerA, `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 1 }))
    const extra = ok("extra", await postAs(buyerA, `/store/carts/${cartId}/line-items`, { variant_id: seeded.offers[1].variant_id, quantity: 1 }))
    const extraLine = extra.body.cart.items.find((item: { id: string }) => item.id !== line.id)
    await readyToPay(cartId)
    const mixed = await postAs(buyerA, `/store/carts/${cartId}/complete`)
    expect(mixed.status, JSON.stringify(mixed.body)).toBe(400)
    expect(mixed.body.message).toContain("只能包含比价选定的商品")
    const removed = await fetch(backendUrl(`/store/carts/${cartId}/line-items/${extraLine.id}`), {
      method: "DELETE",
      headers: { authorization: `Bearer ${buyerA.token}`, "x-publishable-api-key": testStack().facts.publishable_keys.online.token },
    })
    expect(removed.status).toBe(200)
    await readyToPay(cartId)

    const completed = ok("complete", await postAs(buyerA, `/store/carts/${cartId}/complete`))
    expect(completed.body.type).toBe("order")
    expect(Number(completed.body.order.items[0].unit_price)).toBe(choice.unit_price)

    // the subscriber runs after the order is placed
    let after: any = null
    for (let i = 0; i < 50; i++) {
      after = (await comparisonOf(buyerA, c.id)).body.comparison
      if (after.status === "ordered") break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(after).toMatchObject({ status: "ordered", order_id: completed.body.order.id })
    const again = await postAs(buyerA, `/store/comparisons/${c.id}/order`)
    expect(again.status).toBe(409)
    expect(again.body.message).toContain("已下单")
  })
})
