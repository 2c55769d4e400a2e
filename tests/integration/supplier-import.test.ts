import { Client } from "pg"
import { beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl, store } from "../support/http"
import { searchProducts } from "../support/search"
import { testStack } from "../support/stack"
import { registerSupplier, supplierApi, type RegisteredSupplier } from "../support/supplier"

// CSV bulk import (批量导入) of supplier listings on the real backend: 1,000 rows with 5 bad
// ones, each bad row reported by line, nothing half-created, nothing public before review.

const runSeed = 200_000 + (Date.now() % 50_000) * 20

let supplier: RegisteredSupplier
let locationId = ""

beforeAll(async () => {
  supplier = await registerSupplier(runSeed)
  expect((await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })).status).toBe(200)
  const location = await supplierApi("/supplier/stock-locations", {
    method: "POST",
    token: supplier.token,
    body: JSON.stringify({ name: "导入测试仓", address: { address_1: "科华北路 1 号", city: "成都", province: "四川省" } }),
  })
  expect(location.status).toBe(201)
  locationId = location.body.stock_location.id
})

/**
 * Waits until the search index holds a document for every given product and has stopped
 * changing for a few seconds (plugins/search keeps its documents in gwc_search_document).
 */
async function waitForIndexing(productIds: string[], timeoutMs = 400_000): Promise<number> {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  const started = Date.now()
  try {
    let last = ""
    let stableSince = Date.now()
    for (;;) {
      const { rows } = await client.query(
        "select count(*) filter (where id = any($1))::int as indexed, max(seq)::text as seq from gwc_search_document where index_name like 'product%'",
        [productIds]
      )
      const state = `${rows[0].indexed}/${rows[0].seq}`
      if (state !== last) [last, stableSince] = [state, Date.now()]
      if (rows[0].indexed === productIds.length && Date.now() - stableSince >= 5_000) return Date.now() - started
      if (Date.now() - started > timeoutMs) throw new Error(`search indexing still busy after ${timeoutMs} ms (${state})`)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
  } finally {
    await client.end()
  }
}

function csvCell(value: string | number): string {
  const text = String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

async function importCsv(csv: string, contentType = "text/csv") {
  const response = await fetch(backendUrl("/supplier/products/import"), {
    method: "POST",
    headers: { authorization: `Bearer ${supplier.token}`, "content-type": contentType },
    body: csv,
  })
  return { status: response.status, body: await response.json() }
}

/** What the import may add to: the supplier's products (via its links), all products, changes, store and search. */
async function counts() {
  const [mine, all, changes, inStore, inSearch] = await Promise.all([
    supplierApi("/supplier/products?limit=1", { token: supplier.token }),
    admin("/admin/products?limit=1&fields=id"),
    admin(`/admin/listing-changes?supplier_id=${supplier.id}&limit=1`),
    store("/store/products?limit=1&fields=id"),
    searchProducts({ pagination: { take: 0 } }),
  ])
  return { mine: mine.body.count as number, all: all.body.count as number, changes: changes.body.count as number, store: inStore.body.count as number, search: inSearch.metadata.count }
}

describe("CSV import", () => {
  it("imports 1,000 rows: 995 pending listings, 5 bad rows reported by line and reason, nothing half-created", async () => {
    const tag = Date.now().toString(36).toUpperCase()
    // An inventory item already holding one row's SKU: only the workflow finds this out, after
    // creating products, so its chunk must be rolled back and retried row by row.
    const clashSku = `IMP-${tag}-CLASH`
    expect((await admin("/admin/inventory-items", { method: "POST", body: JSON.stringify({ sku: clashSku, title: "占用的 SKU" }) })).status).toBe(200)

    const header = "title,kind,category_handle,price_cny,sku,description,brand,specs,stock,location_id,rental_period_unit,rental_deposit_cny,rental_min_periods,rental_max_periods,service_area,service_response_hours,service_unit"
    const lines = [header]
    const expectedErrors: { line: number; reason: RegExp }[] = []
    const badTitles: string[] = []
    const rowLines: number[] = []
    let line = 2
    for (let i = 0; i < 1000; i++) {
      rowLines.push(line)
      const kind = i % 10 === 7 ? "rental" : i % 10 === 8 ? "service" : i % 10 === 9 ? "specialty" : "goods"
      const category = { goods: "office-stationery", rental: "equipment-rental", service: "property-services", specialty: "local-specialties" }[kind]
      const row: Record<string, string | number> = {
        title: `导入测试 ${tag} 第${i + 1}号 订书机`,
        kind,
        category_handle: category,
        price_cny: (19.9 + i).toFixed(2),
        sku: `IMP-${tag}-${i + 1}`,
        // every 100th description spans two lines, so CSV lines and row numbers drift apart
        description: i % 100 === 3 ? "第一行说明\n第二行说明" : `批量导入的第 ${i + 1} 个商品`,
        brand: "导入牌",
        specs: `warranty_months=12;颜色=${i % 2 ? "黑" : "白"}`,
        stock: i % 3,
        location_id: locationId,
        rental_period_unit: kind === "rental" ? "month" : "",
        rental_deposit_cny: kind === "rental" ? 500 : "",
        rental_min_periods: kind === "rental" ? 1 : "",
        rental_max_periods: kind === "rental" ? 12 : "",
        service_area: kind === "service" ? "成都市" : "",
        service_response_hours: kind === "service" ? 4 : "",
        service_unit: kind === "service" ? "次" : "",
      }
      let reason: RegExp | null = null
      if (i === 10) [row.price_cny, reason] = ["12.345", /price_cny: .*2 decimals/]
      if (i === 249) [row.category_handle, reason] = ["no-such-category", /unknown category: no-such-category/]
      if (i === 500) [row.kind, reason] = ["toys", /kind/]
      if (i === 776) [row.sku, reason] = [`IMP-${tag}-100`, new RegExp(`SKU IMP-${tag}-100 .*also used on line ${rowLines[99]}\\b`)]
      if (i === 990) [row.sku, reason] = [clashSku, new RegExp(`Inventory item with sku: ${clashSku}, already exists`)]
      if (reason) {
        expectedErrors.push({ line, reason })
        badTitles.push(String(row.title))
      }
      const text = header.split(",").map((column) => csvCell(row[column] ?? "")).join(",")
      lines.push(text)
      line += text.split("\n").length
    }
    const csv = lines.join("\n") + "\n"
    const before = await counts()

    const started = Date.now()
    const result = await importCsv(csv)
    const took = Date.now() - started
    console.log(`import of 1,000 rows: ${took} ms (server ${result.body.took_ms} ms)`)
    expect(result.status, JSON.stringify(result.body).slice(0, 500)).toBe(201)
    expect(result.body.created).toBe(995)
    expect(result.body.errors.map((e: { line: number }) => e.line)).toEqual(expectedErrors.map((e) => e.line))
    result.body.errors.forEach((error: { reason: string }, i: number) => expect(error.reason, `line ${expectedErrors[i].line}`).toMatch(expectedErrors[i].reason))
    expect(result.body.products).toHaveLength(995)

    // exactly 995 more of everything that makes a listing; nothing public yet
    const after = await counts()
    expect(after.mine - before.mine).toBe(995)
    expect(after.all - before.all).toBe(995)
    expect(after.changes - before.changes).toBe(995)
    expect(after.store).toBe(before.store)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await searchProducts({ pagination: { take: 0 } })).metadata.count).toBe(before.search)
    const pending = await admin(`/admin/listing-changes?supplier_id=${supplier.id}&status=pending&kind=create&limit=1`)
    expect(pending.body.count).toBe(after.changes)

    // the bad rows left nothing behind (the clash row's chunk was rolled back and redone)
    for (const title of badTitles) {
      const found = await admin(`/admin/products?q=${encodeURIComponent(title)}&fields=id,title`)
      expect(found.body.products.filter((p: { title: string }) => p.title === title), title).toEqual([])
    }
    const clash = await admin(`/admin/inventory-items?sku=${clashSku}`)
    expect(clash.body.inventory_items).toHaveLength(1)

    // a created row looks like one made in the portal: specs, terms, stock at the given location
    const rental = result.body.products.find((p: { line: number }) => p.line === rowLines[7])
    const detail = await supplierApi(`/supplier/products/${rental.id}`, { token: supplier.token })
    expect(detail.body.product).toMatchObject({ status: "draft", review_state: "pending", kind: "rental", price_cny: 26.9, rental: { period_unit: "month", deposit_cny: 500, min_periods: 1, max_periods: 12 } })
    expect(detail.body.product.specs.map((s: { key: string }) => s.key)).toEqual(["brand", "warranty_months", "color"]) // 颜色 is the vocabulary's label of "color"
    expect(detail.body.product.variants[0].stock).toEqual([{ location_id: locationId, stocked_quantity: 1, reserved_quantity: 0 }])

    // The import's events are released after it, spaced out; let the search index take them in
    // before the next test file, whose "searchable within a second" checks need an idle backend.
    const drained = await waitForIndexing(result.body.products.map((p: { id: string }) => p.id))
    console.log(`the import's events were indexed ${drained} ms after it answered`)
  }, 600_000)

  it("takes a multipart upload too; a file with unknown columns or broken quoting is refused whole", async () => {
    const tag = Date.now().toString(36).toUpperCase()
    const csv = `title,kind,category_handle,price_cny,description\n表单导入 ${tag} 甲,goods,office-stationery,9.9,说明\n表单导入 ${tag} 乙,specialty,local-specialties,19.9,说明\n`
    const form = new FormData()
    form.append("file", new Blob([csv], { type: "text/csv" }), "listings.csv")
    const response = await fetch(backendUrl("/supplier/products/import"), { method: "POST", headers: { authorization: `Bearer ${supplier.token}` }, body: form })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(201)
    expect(body).toMatchObject({ created: 2, errors: [] })

    const before = await counts()
    for (const [bad, message] of [
      ["title,kind,category,price_cny,description\nx,goods,a,1,d\n", /unknown columns: category/],
      ['title,kind,category_handle,price_cny,description\n"x,goods,office-stationery,1,d\n', /not valid CSV/],
      ["", /empty/],
    ] as const) {
      const refused = await importCsv(bad)
      expect(refused.status).toBe(400)
      expect(refused.body.message).toMatch(message)
    }
    expect((await importCsv("{}", "application/json")).status).toBe(400)
    expect(await counts()).toEqual(before)
  })
})
