import sharp from "sharp"
import { beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl, store } from "../support/http"
import { cnyRegionId, registerCustomer } from "../support/orders"
import { searchProducts } from "../support/search"
import { registerSupplier, supplierApi, type RegisteredSupplier } from "../support/supplier"

// Supplier listings (商品上架) on the real backend: uploads, new listings and edits under operator
// review, what the store and search show meanwhile, suspension, and the tenant wall as attacks.

// Seeds for credit codes: fresh per run, away from the small numbers other files use.
const runSeed = 100_000 + (Date.now() % 50_000) * 20

async function approvedSupplier(n: number): Promise<RegisteredSupplier> {
  const supplier = await registerSupplier(runSeed + n)
  const approved = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  return supplier
}

async function createLocation(supplier: RegisteredSupplier, name: string): Promise<string> {
  const response = await supplierApi("/supplier/stock-locations", {
    method: "POST",
    token: supplier.token,
    body: JSON.stringify({ name, address: { address_1: "天府大道中段 100 号", city: "成都", province: "四川省", postal_code: "610000" } }),
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.stock_location.id
}

async function pngImage(color: string, width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer()
}

async function upload(supplier: RegisteredSupplier | null, files: { name: string; type: string; data: Buffer | string }[], field = "files") {
  const form = new FormData()
  for (const file of files) form.append(field, new Blob([typeof file.data === "string" ? file.data : new Uint8Array(file.data)], { type: file.type }), file.name)
  const response = await fetch(backendUrl("/supplier/uploads"), { method: "POST", headers: supplier ? { authorization: `Bearer ${supplier.token}` } : {}, body: form })
  return { status: response.status, body: await response.json().catch(() => null) }
}

let categoryId = ""
let regionId = ""

function listing(overrides: Record<string, unknown> = {}) {
  const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
  return {
    title: `蓉测 彩色激光打印机 LX-${unique}`,
    subtitle: "A4 双面 网络",
    description: "适合中小型办公室的彩色激光打印机，支持自动双面与网络打印。",
    kind: "goods",
    category_id: categoryId,
    specs: [
      { key: "brand", value: "蓉测" },
      { key: "model", value: `LX-${unique}` },
      { key: "质保期", value: "24" },
      { key: "print_speed_ppm", value: 28 },
      { key: "纸张尺寸", value: "A4" },
    ],
    variants: [{ title: "标准", sku: `RC-${unique}`.toUpperCase(), price_cny: 2399 }],
    ...overrides,
  }
}

async function createListing(supplier: RegisteredSupplier, body: Record<string, unknown>) {
  return supplierApi("/supplier/products", { method: "POST", token: supplier.token, body: JSON.stringify(body) })
}

async function decide(changeId: string, decision: string, note?: string) {
  return admin(`/admin/listing-changes/${changeId}/decision`, { method: "POST", body: JSON.stringify({ decision, ...(note ? { note } : {}) }) })
}

/** The product as a buyer's store request sees it (null when it is not for sale). */
async function inStore(productId: string) {
  const response = await store(`/store/products?id=${productId}&region_id=${regionId}&fields=id,title,description,thumbnail,metadata,*variants.calculated_price`)
  expect(response.status).toBe(200)
  return response.body.products[0] ?? null
}

async function inSearch(productId: string) {
  const result = await searchProducts({ filters: { id: productId } })
  return result.hits[0]?.document ?? null
}

/** Polls until `check` holds, for at most `ms` (search is asynchronous, within a second). */
async function within<T>(ms: number, read: () => Promise<T>, check: (value: T) => boolean): Promise<{ value: T; ms: number }> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (check(value)) return { value, ms: Date.now() - started }
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(value)?.slice(0, 300)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function storePrice(product: any): number {
  return Number(product.variants[0].calculated_price.calculated_amount)
}

let supplierA: RegisteredSupplier
let supplierB: RegisteredSupplier
let locationA = ""
let locationB = ""

beforeAll(async () => {
  regionId = await cnyRegionId()
  const categories = await store("/store/product-categories?limit=200&fields=id,handle,parent_category_id")
  const leaf = categories.body.product_categories.find((c: { handle: string }) => c.handle === "printing-copying") ?? categories.body.product_categories.find((c: { parent_category_id: string | null }) => c.parent_category_id)
  categoryId = leaf.id
  supplierA = await approvedSupplier(1)
  supplierB = await approvedSupplier(2)
  locationA = await createLocation(supplierA, "蓉测成都仓")
  locationB = await createLocation(supplierB, "乙方绵阳仓")
})

describe("a new listing goes through review before the public sees it", () => {
  let productId = ""
  let changeId = ""
  let variantId = ""
  let imageUrl = ""

  it("uploads an image: sharp makes WebP sizes like the seeded ones, served publicly", async () => {
    const uploaded = await upload(supplierA, [{ name: "printer.png", type: "image/png", data: await pngImage("#2255aa") }])
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201)
    const [image] = uploaded.body.images
    expect(Object.keys(image.sizes)).toEqual(["thumb", "small", "medium", "large"])
    expect(image.sizes.thumb).toMatchObject({ width: 240, height: 180 })
    expect(image.sizes.medium).toMatchObject({ width: 800, height: 600 })
    // never enlarged: a 1200 px original stays 1200 px at the "large" size
    expect(image.sizes.large).toMatchObject({ width: 1200, height: 900 })
    expect(image.url).toBe(image.sizes.medium.url)
    expect(image.url).toMatch(new RegExp(`^/media/uploads/${supplierA.id}/[a-f0-9]{32}-medium\\.webp$`))
    const served = await fetch(backendUrl(image.sizes.thumb.url))
    expect(served.status).toBe(200)
    expect(served.headers.get("content-type")).toBe("image/webp")
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe("webp")
    imageUrl = image.url
  })

  it("creates a draft product linked to the supplier, shaped like a seeded one, with a pending change", async () => {
    const body = listing({ image_urls: [imageUrl], stock: [{ variant_index: 0, location_id: locationA, quantity: 12 }] })
    const created = await createListing(supplierA, body)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const { product, change } = created.body
    expect(product).toMatchObject({ status: "draft", review_state: "pending", pending_change_id: change.id, price_cny: 2399, title: body.title })
    expect(change).toMatchObject({ kind: "create", status: "pending", product_id: product.id, supplier_id: supplierA.id })
    expect(change.diff.title).toEqual({ from: null, to: body.title })
    expect(product.variants[0].stock).toEqual([{ location_id: locationA, stocked_quantity: 12, reserved_quantity: 0 }])
    productId = product.id
    changeId = change.id
    variantId = product.variants[0].id

    // Medusa holds it like the seed's products: metadata, specs with the vocabulary's labels, images, online channel
    const full = await admin(`/admin/products/${productId}?fields=id,status,thumbnail,metadata,*sales_channels,*categories,*type`)
    expect(full.status).toBe(200)
    const p = full.body.product
    expect(p.metadata).toMatchObject({ offer_kind: "goods", supplier_code: supplierA.body.supplier.code, supplier_name: supplierA.body.supplier.company_name })
    expect(p.metadata.specs).toEqual([
      { key: "brand", label_zh: "品牌", label_en: "Brand", unit: null, value: "蓉测" },
      { key: "model", label_zh: "型号", label_en: "Model", unit: null, value: body.specs[1].value },
      { key: "warranty_months", label_zh: "质保期", label_en: "Warranty", unit: "月", value: 24 },
      { key: "print_speed_ppm", label_zh: "打印速度", label_en: "Print speed", unit: "页/分钟", value: 28 },
      { key: "纸张尺寸", label_zh: "纸张尺寸", label_en: "纸张尺寸", unit: null, value: "A4" },
    ])
    expect(Object.keys(p.metadata.images).sort()).toEqual(["large", "medium", "small", "thumb"])
    expect(p.thumbnail).toBe(p.metadata.images.thumb.url)
    expect(p.sales_channels.map((c: { name: string }) => c.name)).toEqual(["Online store"])
    expect(p.categories.map((c: { id: string }) => c.id)).toEqual([categoryId])
    expect(p.type?.metadata?.offer_kind).toBe("goods")
  })

  it("is not in the store or in search while pending", async () => {
    expect(await inStore(productId)).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 500)) // give indexing time to (wrongly) show it
    expect(await inSearch(productId)).toBeNull()
    const mine = await supplierApi("/supplier/products?limit=200", { token: supplierA.token })
    expect(mine.body.products.find((p: { id: string }) => p.id === productId)).toMatchObject({ status: "draft", review_state: "pending" })
  })

  it("shows in the operator's inbox with product title, supplier name and diff", async () => {
    const inbox = await admin(`/admin/listing-changes?status=pending&supplier_id=${supplierA.id}`)
    expect(inbox.status).toBe(200)
    const entry = inbox.body.listing_changes.find((c: { id: string }) => c.id === changeId)
    expect(entry).toMatchObject({
      kind: "create",
      status: "pending",
      product: { id: productId, status: "draft" },
      supplier: { id: supplierA.id, company_name: supplierA.body.supplier.company_name },
    })
    expect(entry.product.title).toMatch(/^蓉测 彩色激光打印机/)
    expect(entry.diff.prices).toEqual([{ variant_id: variantId, variant_title: "标准", from: null, to: 2399 }])
    expect(inbox.body.listing_changes.every((c: { status: string; supplier_id: string }) => c.status === "pending" && c.supplier_id === supplierA.id)).toBe(true)
    expect((await admin(`/admin/listing-changes/${changeId}`)).body.listing_change.id).toBe(changeId)
    expect((await admin(`/admin/listing-changes?status=nonsense`)).status).toBe(400)
  })

  it("once approved it is in the store (price, image) and in search within a second", async () => {
    const approved = await decide(changeId, "approve")
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.listing_change).toMatchObject({ status: "approved", product: { status: "published" } })
    const product = await inStore(productId)
    expect(product).not.toBeNull()
    expect(storePrice(product)).toBe(2399)
    expect(product.thumbnail).toMatch(/^\/media\/uploads\//)
    expect((await fetch(backendUrl(product.metadata.images.large.url))).status).toBe(200)
    const { value: doc, ms } = await within(1000, () => inSearch(productId), (d) => d !== null)
    expect(doc).toMatchObject({ price: 2399, brand: "蓉测", offer_kind: "goods", supplier_name: supplierA.body.supplier.company_name, in_stock: true })
    expect(ms).toBeLessThanOrEqual(1000)
    // by its words, too
    const byTitle = await searchProducts({ filters: { q: "蓉测 彩色激光打印机" }, pagination: { take: 50 } })
    expect(byTitle.hits.map((h) => h.id)).toContain(productId)
    // the decision reached the supplier and the audit log
    const me = await supplierApi("/supplier/me", { token: supplierA.token })
    expect(me.body.notifications[0]).toMatchObject({ template: "listing-approve", data: { change_id: changeId, product_id: productId } })
    const page = await admin(`/admin/suppliers/${supplierA.id}`)
    expect(page.body.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(["listing-created", "listing-approve", "stock-location-created"]))
    // a decided change cannot be decided again
    expect((await decide(changeId, "reject", "太晚了")).status).toBe(400)
  })

  it("a price change on the live product keeps the old price public until approved", async () => {
    const edit = await supplierApi(`/supplier/products/${productId}`, {
      method: "POST",
      token: supplierA.token,
      body: JSON.stringify({ variants: [{ id: variantId, price_cny: 2199.5 }], description: "新的描述：到货即装。" }),
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    expect(edit.body.in_review).toEqual(["prices"])
    expect(edit.body.applied).toEqual(["description"])
    expect(edit.body.product).toMatchObject({ status: "published", review_state: "pending", price_cny: 2399 })
    expect(edit.body.pending_change.diff.prices).toEqual([{ variant_id: variantId, variant_title: "标准", from: 2399, to: 2199.5 }])
    // a second edit folds into the same pending change
    const edit2 = await supplierApi(`/supplier/products/${productId}`, { method: "POST", token: supplierA.token, body: JSON.stringify({ title: "蓉测 彩色激光打印机 LX 新款" }) })
    expect(edit2.status).toBe(200)
    expect(edit2.body.pending_change.id).toBe(edit.body.pending_change.id)
    expect(Object.keys(edit2.body.pending_change.diff).sort()).toEqual(["prices", "title"])

    // the public: the description at once, the old price and title until approval
    const before = await inStore(productId)
    expect(before.description).toBe("新的描述：到货即装。")
    expect(storePrice(before)).toBe(2399)
    expect(before.title).not.toBe("蓉测 彩色激光打印机 LX 新款")
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await inSearch(productId))?.price).toBe(2399)

    const approved = await decide(edit.body.pending_change.id, "approve", "价格合理")
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const after = await inStore(productId)
    expect(storePrice(after)).toBe(2199.5)
    expect(after.title).toBe("蓉测 彩色激光打印机 LX 新款")
    const { ms } = await within(1000, () => inSearch(productId), (d) => d?.price === 2199.5 && d?.title === "蓉测 彩色激光打印机 LX 新款")
    expect(ms).toBeLessThanOrEqual(1000)
  })

  it("a rejected edit leaves the live product as it was", async () => {
    const edit = await supplierApi(`/supplier/products/${productId}`, {
      method: "POST",
      token: supplierA.token,
      body: JSON.stringify({ specs: [{ key: "brand", value: "别的牌子" }], variants: [{ id: variantId, price_cny: 1 }] }),
    })
    expect(edit.status).toBe(200)
    const changeId = edit.body.pending_change.id
    expect((await decide(changeId, "reject")).status).toBe(400) // a note is required
    const rejected = await decide(changeId, "reject", "价格明显异常")
    expect(rejected.status).toBe(200)
    expect(rejected.body.listing_change).toMatchObject({ status: "rejected", review_note: "价格明显异常" })
    const product = await inStore(productId)
    expect(storePrice(product)).toBe(2199.5)
    expect(product.metadata.specs.find((s: { key: string }) => s.key === "brand").value).toBe("蓉测")
    const mine = await supplierApi(`/supplier/products/${productId}`, { token: supplierA.token })
    expect(mine.body.product).toMatchObject({ review_state: "rejected", review_note: "价格明显异常", pending_change_id: null })
  })
})

describe("request changes and reject a new listing, with notes", () => {
  it("changes requested → the supplier edits and resubmits → rejected for good", async () => {
    const created = await createListing(supplierA, listing())
    expect(created.status).toBe(201)
    const { product, change } = created.body
    expect((await decide(change.id, "request_changes")).status).toBe(400)
    const requested = await decide(change.id, "request_changes", "请补充产品图片和型号")
    expect(requested.status).toBe(200)
    let mine = await supplierApi(`/supplier/products/${product.id}`, { token: supplierA.token })
    expect(mine.body.product).toMatchObject({ status: "draft", review_state: "changes_requested", review_note: "请补充产品图片和型号" })
    let me = await supplierApi("/supplier/me", { token: supplierA.token })
    expect(me.body.notifications[0]).toMatchObject({ template: "listing-request_changes", data: { note: "请补充产品图片和型号", product_id: product.id } })

    // a listing not yet approved changes at once (it is not public) and goes back to review
    const edited = await supplierApi(`/supplier/products/${product.id}`, {
      method: "POST",
      token: supplierA.token,
      body: JSON.stringify({ title: "蓉测 彩色激光打印机 LX-9 补充型号", variants: [{ id: product.variants[0].id, price_cny: 2499 }] }),
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.product).toMatchObject({ title: "蓉测 彩色激光打印机 LX-9 补充型号", price_cny: 2499, status: "draft", review_state: "pending", pending_change_id: change.id })
    expect(edited.body.pending_change.proposed.title).toBe("蓉测 彩色激光打印机 LX-9 补充型号")
    expect(await inStore(product.id)).toBeNull()

    const rejected = await decide(change.id, "reject", "与已有商品重复")
    expect(rejected.status).toBe(200)
    mine = await supplierApi(`/supplier/products/${product.id}`, { token: supplierA.token })
    expect(mine.body.product).toMatchObject({ status: "draft", review_state: "rejected", review_note: "与已有商品重复" })
    expect(await inStore(product.id)).toBeNull()
    me = await supplierApi("/supplier/me", { token: supplierA.token })
    expect(me.body.notifications[0]).toMatchObject({ template: "listing-reject", data: { note: "与已有商品重复" } })
    const again = await supplierApi(`/supplier/products/${product.id}`, { method: "POST", token: supplierA.token, body: JSON.stringify({ title: "再试一次" }) })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/rejected/)
  })

  it("a supplier can withdraw (delete) its listing; it leaves the inbox", async () => {
    const created = await createListing(supplierA, listing())
    const removed = await supplierApi(`/supplier/products/${created.body.product.id}`, { method: "DELETE", token: supplierA.token })
    expect(removed.status).toBe(200)
    expect(removed.body).toEqual({ id: created.body.product.id, object: "product", deleted: true })
    expect((await supplierApi(`/supplier/products/${created.body.product.id}`, { token: supplierA.token })).status).toBe(404)
    const inbox = await admin(`/admin/listing-changes?supplier_id=${supplierA.id}&limit=200`)
    expect(inbox.body.listing_changes.map((c: { id: string }) => c.id)).not.toContain(created.body.change.id)
  })
})

describe("bad input gets a 400 with a message, and nothing is created", () => {
  it("bad prices, unknown category, foreign stock location or image, missing terms, a used SKU", async () => {
    const before = (await supplierApi("/supplier/products?limit=1", { token: supplierA.token })).body.count
    const foreignImage = await upload(supplierB, [{ name: "b.png", type: "image/png", data: await pngImage("#aa2255", 300, 300) }])
    const existingSku = (await createListing(supplierA, listing())).body.product.variants[0].sku
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["zero price", listing({ variants: [{ title: "标准", price_cny: 0 }] }), /variants\.0\.price_cny: .*greater than 0/],
      ["three decimals", listing({ variants: [{ title: "标准", price_cny: 12.345 }] }), /variants\.0\.price_cny: .*2 decimals/],
      ["price as text", listing({ variants: [{ title: "标准", price_cny: "12" }] }), /variants\.0\.price_cny/],
      ["no variants", listing({ variants: [] }), /variants/],
      ["unknown category", listing({ category_id: "pcat_does_not_exist" }), /unknown category: pcat_does_not_exist/],
      ["another supplier's stock location", listing({ stock: [{ variant_index: 0, location_id: locationB, quantity: 1 }] }), /not one of your stock locations/],
      ["another supplier's image", listing({ image_urls: [foreignImage.body.images[0].url] }), /your own uploads/],
      ["an outside image", listing({ image_urls: ["https://example.com/x.png"] }), /your own uploads/],
      ["rental without terms", listing({ kind: "rental" }), /rental: .*rental terms/],
      ["a spec number that is not one", listing({ specs: [{ key: "power", value: "很大" }] }), /"power" must be a number/],
      ["a used SKU", listing({ variants: [{ title: "标准", sku: existingSku, price_cny: 10 }] }), /already in use/],
      ["an unknown field", listing({ status: "published" }), /status/],
    ]
    for (const [name, body, message] of cases) {
      const response = await createListing(supplierA, body)
      expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBe(400)
      expect(response.body.message, name).toMatch(message)
    }
    const after = (await supplierApi("/supplier/products?limit=1", { token: supplierA.token })).body.count
    expect(after).toBe(before + 1) // only the listing that supplied the used SKU
  })

  it("uploads that are not images, too large, or in the wrong field", async () => {
    const text = await upload(supplierA, [{ name: "fake.png", type: "image/png", data: "this is not an image" }])
    expect(text.status).toBe(400)
    expect(text.body.message).toMatch(/not a JPEG, PNG or WebP image/)
    const gif = await upload(supplierA, [{ name: "a.gif", type: "image/gif", data: await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).gif().toBuffer() }])
    expect(gif.status).toBe(400)
    const big = await upload(supplierA, [{ name: "big.png", type: "image/png", data: Buffer.alloc(10 * 1024 * 1024 + 1, 1) }])
    expect(big.status).toBe(400)
    expect(big.body.message).toMatch(/10 MB/)
    const wrongField = await upload(supplierA, [{ name: "a.png", type: "image/png", data: await pngImage("#000", 50, 50) }], "image")
    expect(wrongField.status).toBe(400)
    expect(wrongField.body.message).toMatch(/"files"/)
    const none = await fetch(backendUrl("/supplier/uploads"), { method: "POST", headers: { authorization: `Bearer ${supplierA.token}`, "content-type": "application/json" }, body: "{}" })
    expect(none.status).toBe(400)
    // one bad file among good ones stores nothing
    const mixed = await upload(supplierA, [{ name: "ok.png", type: "image/png", data: await pngImage("#0a0", 60, 60) }, { name: "bad.jpg", type: "image/jpeg", data: "nope" }])
    expect(mixed.status).toBe(400)
  })

  it("the media route serves only upload names, never a path outside the folder", async () => {
    for (const path of [
      `/media/uploads/${supplierA.id}/..%2F..%2F.env`,
      `/media/uploads/..%2F..%2F/x-thumb.webp`,
      `/media/uploads/${supplierA.id}/${"0".repeat(32)}.json`,
      `/media/uploads/${supplierA.id}/${"0".repeat(32)}-thumb.webp`,
    ]) {
      const response = await fetch(backendUrl(path))
      expect([400, 404], path).toContain(response.status)
    }
  })

  it("stock and stock-location input is checked", async () => {
    const own = (await createListing(supplierA, listing())).body.product
    const stock = (body: unknown) => supplierApi(`/supplier/products/${own.id}/stock`, { method: "POST", token: supplierA.token, body: JSON.stringify(body) })
    expect((await stock({ variant_id: own.variants[0].id, location_id: locationA, quantity: -1 })).status).toBe(400)
    expect((await stock({ variant_id: own.variants[0].id, location_id: locationA, quantity: 1.5 })).status).toBe(400)
    const ok = await stock({ variant_id: own.variants[0].id, location_id: locationA, quantity: 40 })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.stock).toEqual({ variant_id: own.variants[0].id, location_id: locationA, stocked_quantity: 40 })
    const badLocation = await supplierApi("/supplier/stock-locations", { method: "POST", token: supplierA.token, body: JSON.stringify({ name: "" }) })
    expect(badLocation.status).toBe(400)
    expect(badLocation.body.message).toMatch(/name|address/)
  })
})

describe("suspension", () => {
  it("hides the supplier's products from store and search at once, blocks writes, and reinstatement brings them back", async () => {
    const supplier = await approvedSupplier(3)
    const created = await createListing(supplier, listing({ title: "停牌测试 多功能一体机" }))
    expect(created.status).toBe(201)
    const productId = created.body.product.id
    expect((await decide(created.body.change.id, "approve")).status).toBe(200)
    await within(1000, () => inSearch(productId), (d) => d !== null)
    expect(await inStore(productId)).not.toBeNull()

    const suspended = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "suspend", note: "资质过期" }) })
    expect(suspended.status).toBe(200)
    expect(await inStore(productId)).toBeNull()
    const gone = await within(1000, () => inSearch(productId), (d) => d === null)
    expect(gone.ms).toBeLessThanOrEqual(1000)

    // a suspended supplier reads but cannot list, edit, restock, upload or import
    expect((await supplierApi("/supplier/products", { token: supplier.token })).status).toBe(200)
    const writes = [
      await createListing(supplier, listing()),
      await supplierApi(`/supplier/products/${productId}`, { method: "POST", token: supplier.token, body: JSON.stringify({ title: "偷偷改名" }) }),
      await supplierApi(`/supplier/products/${productId}`, { method: "DELETE", token: supplier.token }),
      await supplierApi("/supplier/stock-locations", { method: "POST", token: supplier.token, body: JSON.stringify({ name: "x", address: { address_1: "x", city: "x", province: "x" } }) }),
      await upload(supplier, [{ name: "a.png", type: "image/png", data: await pngImage("#123456", 40, 40) }]),
    ]
    for (const response of writes) {
      expect(response.status).toBe(403)
      expect(response.body.message).toMatch(/Only approved suppliers/)
    }
    // an approval while suspended does not put anything on sale
    const pending = await supplierApi("/supplier/products?limit=5", { token: supplier.token })
    expect(pending.body.products.every((p: { status: string }) => p.status === "draft")).toBe(true)

    const reinstated = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "reinstate" }) })
    expect(reinstated.status).toBe(200)
    expect(await inStore(productId)).not.toBeNull()
    const back = await within(1000, () => inSearch(productId), (d) => d !== null)
    expect(back.ms).toBeLessThanOrEqual(1000)
  })

  it("a new listing approved while its supplier is suspended goes on sale only on reinstatement", async () => {
    const supplier = await approvedSupplier(4)
    const created = await createListing(supplier, listing())
    await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "suspend", note: "调查中" }) })
    expect((await decide(created.body.change.id, "approve")).status).toBe(200)
    expect(await inStore(created.body.product.id)).toBeNull()
    await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "reinstate" }) })
    expect(await inStore(created.body.product.id)).not.toBeNull()
  })
})

describe("tenant wall: supplier A attacks supplier B's listings and stock", () => {
  let bLive: any
  let bPending: any
  let aOwn: any
  let bSnapshot: string

  async function snapshotOfB() {
    const products = await Promise.all(
      [bLive.id, bPending.id].map(async (id) => (await admin(`/admin/products/${id}?fields=id,title,status,description,metadata,*variants,*variants.prices,deleted_at`)).body.product)
    )
    const stock = await admin(`/admin/stock-locations/${locationB}?fields=id,name`)
    const mine = await supplierApi(`/supplier/products?limit=200`, { token: supplierB.token })
    const changes = await admin(`/admin/listing-changes?supplier_id=${supplierB.id}&limit=200`)
    const levels = await Promise.all([bLive.id, bPending.id].map(async (id) => (await supplierApi(`/supplier/products/${id}`, { token: supplierB.token })).body.product.variants.map((v: any) => v.stock)))
    return JSON.stringify({
      products: products.map((p) => ({ ...p, variants: p.variants.map((v: any) => ({ id: v.id, title: v.title, prices: v.prices.map((x: any) => x.amount) })) })),
      stock: stock.body.stock_location,
      mine: mine.body.products.map((p: any) => [p.id, p.title, p.status, p.price_cny, p.review_state]),
      changes: changes.body.listing_changes.map((c: any) => [c.id, c.status, c.proposed]),
      levels,
    })
  }

  beforeAll(async () => {
    const live = await createListing(supplierB, listing({ title: "乙方 保密柜 B1", stock: [{ variant_index: 0, location_id: locationB, quantity: 5 }] }))
    expect((await decide(live.body.change.id, "approve")).status).toBe(200)
    bLive = live.body.product
    bPending = (await createListing(supplierB, listing({ title: "乙方 待审核 碎纸机" }))).body.product
    aOwn = (await createListing(supplierA, listing({ title: "甲方 自己的 订书机" }))).body.product
    bSnapshot = await snapshotOfB()
  })

  it("A cannot read, update, re-price, delete, restock or publish B's products by id", async () => {
    const a = supplierA.token
    for (const target of [bLive, bPending]) {
      const attempts = [
        await supplierApi(`/supplier/products/${target.id}`, { token: a }),
        await supplierApi(`/supplier/products/${target.id}`, { method: "POST", token: a, body: JSON.stringify({ title: "被甲方篡改" }) }),
        await supplierApi(`/supplier/products/${target.id}`, { method: "POST", token: a, body: JSON.stringify({ variants: [{ id: target.variants[0].id, price_cny: 0.01 }] }) }),
        await supplierApi(`/supplier/products/${target.id}`, { method: "POST", token: a, body: JSON.stringify({ description: "甲方写的描述" }) }),
        await supplierApi(`/supplier/products/${target.id}`, { method: "DELETE", token: a }),
        await supplierApi(`/supplier/products/${target.id}/stock`, { method: "POST", token: a, body: JSON.stringify({ variant_id: target.variants[0].id, location_id: locationA, quantity: 0 }) }),
        await supplierApi(`/supplier/products/${target.id}/stock`, { method: "POST", token: a, body: JSON.stringify({ variant_id: target.variants[0].id, location_id: locationB, quantity: 0 }) }),
      ]
      for (const [i, response] of attempts.entries()) {
        expect(response.status, `${target.title} attempt ${i}: ${JSON.stringify(response.body)}`).toBe(404)
        expect(response.body.message).toMatch(/not found/i)
      }
    }
    // "publishing": A has no operator route, and no status field to send
    expect((await supplierApi(`/admin/listing-changes`, { token: a })).status).toBe(401)
    const publish = await supplierApi(`/admin/listing-changes/${bPending.id}/decision`, { method: "POST", token: a, body: JSON.stringify({ decision: "approve" }) })
    expect(publish.status).toBe(401)
    expect((await supplierApi(`/supplier/products/${aOwn.id}`, { method: "POST", token: a, body: JSON.stringify({ status: "published" }) })).status).toBe(400)
  })

  it("A cannot use B's stock location: not for its own product's stock, not in a new listing", async () => {
    const stock = await supplierApi(`/supplier/products/${aOwn.id}/stock`, {
      method: "POST",
      token: supplierA.token,
      body: JSON.stringify({ variant_id: aOwn.variants[0].id, location_id: locationB, quantity: 999 }),
    })
    expect(stock.status).toBe(404)
    const listingWithB = await createListing(supplierA, listing({ stock: [{ variant_index: 0, location_id: locationB, quantity: 9 }] }))
    expect(listingWithB.status).toBe(400)
    const locations = await supplierApi("/supplier/stock-locations", { token: supplierA.token })
    expect(locations.body.stock_locations.map((l: { id: string }) => l.id)).toEqual([locationA])
    // nor mix B's variant into A's product
    const mixed = await supplierApi(`/supplier/products/${aOwn.id}/stock`, { method: "POST", token: supplierA.token, body: JSON.stringify({ variant_id: bLive.variants[0].id, location_id: locationA, quantity: 1 }) })
    expect(mixed.status).toBe(404)
    const mixedPrice = await supplierApi(`/supplier/products/${aOwn.id}`, { method: "POST", token: supplierA.token, body: JSON.stringify({ variants: [{ id: bLive.variants[0].id, price_cny: 1 }] }) })
    expect(mixedPrice.status).toBe(400)
  })

  it("guessed ids (neighbours, other prefixes, B's other ids) are all 404", async () => {
    const id: string = bLive.id
    const last = id.slice(-1)
    const neighbour = (c: string) => (c === "Z" ? "Y" : c === "9" ? "A" : String.fromCharCode(c.charCodeAt(0) + 1))
    const guesses = [
      id.slice(0, -1) + neighbour(last),
      id.slice(0, -2) + "00",
      id.toLowerCase(),
      id.replace("prod_", "variant_"),
      bLive.variants[0].id,
      supplierB.id,
      locationB,
      bLive.handle,
      "prod_01",
      "prod_" + "Z".repeat(26),
      encodeURIComponent(`${id}' OR '1'='1`),
      "%2E%2E",
    ]
    // Status only: a path like "/supplier/products/.." is not a route at all (Express's HTML 404).
    const status = async (method: string, path: string, body?: unknown) =>
      (await fetch(backendUrl(path), { method, headers: { authorization: `Bearer ${supplierA.token}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined })).status
    for (const guess of guesses) {
      for (const [method, path, body] of [
        ["GET", `/supplier/products/${guess}`],
        ["POST", `/supplier/products/${guess}`, { title: "x" }],
        ["DELETE", `/supplier/products/${guess}`],
        ["POST", `/supplier/products/${guess}/stock`, { variant_id: bLive.variants[0].id, location_id: locationA, quantity: 1 }],
      ] as [string, string, unknown?][]) {
        expect([403, 404], `${method} ${path}`).toContain(await status(method, path, body))
      }
    }
  })

  it("A's lists never include B's products, whatever the query says", async () => {
    const all = await supplierApi("/supplier/products?limit=200", { token: supplierA.token })
    const ids = all.body.products.map((p: { id: string }) => p.id)
    expect(ids).toContain(aOwn.id)
    expect(ids).not.toContain(bLive.id)
    expect(ids).not.toContain(bPending.id)
    const byTitle = await supplierApi(`/supplier/products?q=${encodeURIComponent("乙方")}`, { token: supplierA.token })
    expect(byTitle.body.products).toEqual([])
    const ownByTitle = await supplierApi(`/supplier/products?q=${encodeURIComponent("甲方 自己的")}`, { token: supplierA.token })
    expect(ownByTitle.body.products.map((p: { id: string }) => p.id)).toEqual([aOwn.id])
    const published = await supplierApi("/supplier/products?status=published&limit=200", { token: supplierB.token })
    expect(published.body.products.map((p: { id: string }) => p.id)).toEqual([bLive.id])
    expect((await supplierApi("/supplier/products?status=live", { token: supplierA.token })).status).toBe(400)
    expect((await supplierApi(`/supplier/products?supplier_id=${supplierB.id}`, { token: supplierA.token })).status).toBe(400)
    expect((await supplierApi(`/supplier/products?id=${bLive.id}`, { token: supplierA.token })).status).toBe(400)
  })

  it("after all attacks B's products, prices, stock and changes are exactly as they were", async () => {
    expect(await snapshotOfB()).toBe(bSnapshot)
    const live = await inStore(bLive.id)
    expect(live.title).toBe("乙方 保密柜 B1")
    expect(storePrice(live)).toBe(2399)
    expect(await inStore(bPending.id)).toBeNull()
  })

  it("a buyer's token and an anonymous caller get 401 from every listing route", async () => {
    const buyer = await registerCustomer("listing-attacker")
    const routes: [string, string, unknown?][] = [
      ["GET", "/supplier/products"],
      ["POST", "/supplier/products", listing()],
      ["GET", `/supplier/products/${bLive.id}`],
      ["POST", `/supplier/products/${bLive.id}`, { title: "买家改的" }],
      ["DELETE", `/supplier/products/${bLive.id}`],
      ["POST", `/supplier/products/${bLive.id}/stock`, { variant_id: bLive.variants[0].id, location_id: locationB, quantity: 0 }],
      ["POST", "/supplier/products/import", undefined],
      ["POST", "/supplier/uploads", undefined],
      ["GET", "/supplier/stock-locations"],
      ["POST", "/supplier/stock-locations", { name: "x", address: { address_1: "x", city: "x", province: "x" } }],
      ["GET", "/admin/listing-changes"],
      ["GET", `/admin/listing-changes/${bPending.id}`],
      ["POST", `/admin/listing-changes/${bPending.id}/decision`, { decision: "approve" }],
    ]
    for (const token of [buyer.token, undefined]) {
      for (const [method, path, body] of routes) {
        const response = await supplierApi(path, { method, token, body: body === undefined ? undefined : JSON.stringify(body) })
        expect(response.status, `${token ? "buyer" : "anonymous"} ${method} ${path}`).toBe(401)
      }
    }
    expect(await snapshotOfB()).toBe(bSnapshot)
  })
})
