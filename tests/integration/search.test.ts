import { Client } from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { generateCatalogue } from "../../seed/src/catalogue/generate"
import { admin, store } from "../support/http"
import { searchProducts, waitForSearchIndex } from "../support/search"
import { testStack } from "../support/stack"

// Product search (POST /store/search, provider "zh") on the real backend and the seeded catalogue.
const catalogue = generateCatalogue()
const onlineCount = catalogue.products.filter((p) => p.channels.includes("online")).length

/**
 * Query → what the first results must be. `top`: the first five titles match — or, when the
 * online catalogue has fewer than five such titles, all of those come first (title matches
 * fill the page before anything else); `first`: the first title matches; `none`: no title in
 * the first ten matches; `count0`: nothing at all may be found.
 */
const QUERIES: { q: string; top?: RegExp; first?: RegExp; none?: RegExp; count0?: true }[] = [
  { q: "打印机", top: /打印机/, none: /扫描仪|硒鼓/ },
  { q: "激光 打印", top: /激光.*打印/ },
  { q: "彩色打印", first: /彩色激光打印机/, top: /彩色/ },
  { q: "彩色激光打印机", top: /彩色激光打印机/ },
  { q: "复印纸", top: /复印纸/ },
  { q: "碎纸机", top: /碎纸机/ },
  { q: "办公椅", top: /办公椅/ },
  { q: "会议桌", top: /会议桌/, none: /会议平板|会议摄像|会议音箱/ },
  { q: "笔记本电脑", top: /笔记本电脑/, none: /皮面笔记本/ },
  { q: "台式电脑", top: /台式计算机/ },
  { q: "显示器", top: /显示器/ },
  { q: "服务器", top: /服务器/ },
  { q: "投影仪", top: /投影/ },
  { q: "会议平板", top: /会议平板/ },
  { q: "空调", top: /空调/ },
  { q: "路灯", top: /路灯/ },
  { q: "饮水机", top: /饮水机/ },
  { q: "公务轿车 租赁", top: /公务轿车租赁/ },
  { q: "商务车", top: /商务车/ },
  { q: "会议室", top: /会议室/ },
  { q: "保洁", top: /保洁/ },
  { q: "电梯维保", top: /电梯维保/ },
  { q: "同声传译", top: /同声传译/ },
  { q: "光伏", top: /光伏/ },
  { q: "等级保护", top: /等级保护/ },
  { q: "竹叶青", top: /竹叶青/ },
  { q: "普洱", top: /普洱/ },
  { q: "熊猫", top: /熊猫/ },
  { q: "三星堆", top: /三星堆/ },
  { q: "无人机", top: /无人机/ },
  { q: "3D打印", top: /3D打印机/ },
  { q: "ＬＥＤ 筒灯", top: /LED筒灯/ },
  { q: "华为 笔记本", top: /华为.*笔记本/ },
  { q: "联想打印机", top: /联想.*打印机/ },
  { q: "dayinji", top: /打印机/ },
  { q: "投影仪 租赁", top: /投影仪租赁/ },
  { q: "龙井", count0: true },
  { q: "打印机 龙井", count0: true },
]

let db: Client

beforeAll(async () => {
  await waitForSearchIndex(onlineCount)
  db = new Client({ connectionString: testStack().databaseUrl })
  await db.connect()
})

afterAll(async () => {
  await db?.end()
})

describe("Chinese product search", () => {
  it(`answers a table of ${QUERIES.length} Chinese and mixed queries with the right products first`, async () => {
    const failures: string[] = []
    const onlineTitles = catalogue.products.filter((p) => p.channels.includes("online")).map((p) => p.title)
    for (const { q, top, first, none, count0 } of QUERIES) {
      const result = await searchProducts({ filters: { q }, pagination: { take: 10 }, fields: ["title"] })
      const titles = result.hits.map((h) => h.document.title as string)
      if (count0) {
        if (result.metadata.count !== 0) failures.push(`${q}: expected nothing, got ${titles.slice(0, 3).join(" / ")}`)
        continue
      }
      if (!titles.length) failures.push(`${q}: nothing found`)
      if (first && !first.test(titles[0] ?? "")) failures.push(`${q}: first is ${titles[0]}`)
      // The catalogue must hold what the row expects, or the row would prove nothing.
      const available = top ? onlineTitles.filter((t) => top.test(t)).length : 0
      if (top && available === 0) failures.push(`${q}: the catalogue has no title matching ${top}`)
      const bad = titles.slice(0, Math.min(5, available)).filter((t) => top && !top.test(t))
      if (bad.length) failures.push(`${q}: top 5 holds ${bad.join(" / ")}`)
      const unwanted = titles.filter((t) => none?.test(t))
      if (unwanted.length) failures.push(`${q}: must not show ${unwanted.join(" / ")}`)
    }
    expect(failures).toEqual([])
  })

  it("counts facets like SQL does for the same filters (disjunctive: a facet ignores its own filter)", async () => {
    const channelId = (
      await db.query(`SELECT id FROM sales_channel WHERE name = 'Online store' AND deleted_at IS NULL`)
    ).rows[0].id as string
    const sqlCounts = async (where: string, params: unknown[], groupBy: string) =>
      Object.fromEntries(
        (
          await db.query(
            `SELECT ${groupBy} AS value, count(*)::int AS count
             FROM product p JOIN product_sales_channel psc ON psc.product_id = p.id AND psc.deleted_at IS NULL
             WHERE p.deleted_at IS NULL AND p.status = 'published' AND psc.sales_channel_id = $1 AND ${where}
             GROUP BY 1`,
            [channelId, ...params]
          )
        ).rows.map((r) => [r.value, r.count])
      )
    const brandOf = `(SELECT s->>'value' FROM jsonb_array_elements(p.metadata->'specs') s WHERE s->>'key' = 'brand')`

    const result = await searchProducts({
      filters: { offer_kind: { $in: ["goods"] }, brand: { $in: ["华为"] } },
      pagination: { take: 0 },
      search_options: { facets: ["brand", "offer_kind"], disjunctive_facets: true },
    })
    const facetValues = (field: string) =>
      Object.fromEntries((result.facets![field].values as { value: string; count: number }[]).map((v) => [v.value, v.count]))

    // brand facet: every brand among goods (the brand filter is not applied to its own facet)
    const brandSql = await sqlCounts(`p.metadata->>'offer_kind' = 'goods' AND ${brandOf} IS NOT NULL`, [], brandOf)
    expect(facetValues("brand")).toEqual(brandSql)
    // offer_kind facet: every kind among Huawei products
    const kindSql = await sqlCounts(`${brandOf} = '华为'`, [], `p.metadata->>'offer_kind'`)
    expect(facetValues("offer_kind")).toEqual(kindSql)
    // the hits themselves: Huawei goods
    const [{ count }] = (
      await db.query(
        `SELECT count(*)::int AS count FROM product p JOIN product_sales_channel psc ON psc.product_id = p.id AND psc.deleted_at IS NULL
         WHERE p.deleted_at IS NULL AND p.status = 'published' AND psc.sales_channel_id = $1 AND p.metadata->>'offer_kind' = 'goods' AND ${brandOf} = '华为'`,
        [channelId]
      )
    ).rows
    expect(result.metadata.count).toBe(count)
  })

  it("price ranges and sorting by price agree with the catalogue", async () => {
    const result = await searchProducts({
      filters: { q: "打印" },
      pagination: { take: 100, order: { price: "ASC" } },
      search_options: { facets: [{ field: "price", type: "range", ranges: [{ key: "low", to: 1000 }, { key: "high", from: 1000 }] }] },
      fields: ["title", "price"],
    })
    const prices = result.hits.map((h) => h.document.price as number)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
    const ranges = Object.fromEntries(result.facets!.price.ranges.map((r: { key: string; count: number }) => [r.key, r.count]))
    expect(ranges.low).toBe(prices.filter((p) => p < 1000).length)
    expect(ranges.high).toBe(prices.filter((p) => p >= 1000).length)
  })

  it("returns what a result card needs, image sizes included", async () => {
    const result = await searchProducts({ filters: { q: "打印机" }, pagination: { take: 1 }, fields: ["handle", "price", "images.thumb.url", "images.medium.width"] })
    expect(result.hits[0].document).toMatchObject({ handle: expect.any(String), price: expect.any(Number) })
    expect(result.hits[0].document.images.thumb.url).toMatch(/^\/media\/products\/.+\.webp$/)
    expect(result.hits[0].document.images.medium.width).toBeGreaterThan(0)
  })

  it("keeps each channel to its own products", async () => {
    const showroomOnlyCount = catalogue.products.filter((p) => p.channels.includes("showroom")).length
    const showroom = await searchProducts({ pagination: { take: 0 } }, "showroom")
    expect(showroom.metadata.count).toBe(showroomOnlyCount)
    // A product sold online but not in the showroom cannot be found with the showroom key.
    const onlineOnly = catalogue.products.find((p) => !p.channels.includes("showroom"))!
    const online = await searchProducts({ filters: { q: onlineOnly.title }, pagination: { take: 5 }, fields: ["handle"] })
    expect(online.hits.map((h) => h.document.handle)).toContain(onlineOnly.handle)
    const hidden = await searchProducts({ filters: { q: onlineOnly.title }, pagination: { take: 50 }, fields: ["handle"] }, "showroom")
    expect(hidden.hits.map((h) => h.document.handle)).not.toContain(onlineOnly.handle)
    // Without a publishable key there is no search at all.
    const anonymous = await store("/store/search", { channel: null, init: { method: "POST", body: JSON.stringify({ entity: "product" }) } })
    expect(anonymous.status).toBe(400)
  })

  it("answers bad input with 400 and a message, never 500", async () => {
    const bad: [unknown, RegExp][] = [
      [{ entity: "product", filters: { q: 123 } }, /filters\.q must be text/],
      [{ entity: "product", filters: { q: "打".repeat(201) } }, /at most 200/],
      [{ entity: "product", filters: { price: { $between: [1, 2] } } }, /unknown operator "\$between"/],
      [{ entity: "product", pagination: { take: 100000 } }, /take/],
      [{ entity: "product", filters: { no_such_field: "x" } }, /no_such_field/],
      [{ entity: "product", search_options: { facets: ["description"] } }, /description/],
      [{ queries: [] }, /queries/],
    ]
    for (const [body, message] of bad) {
      const response = await store("/store/search", { init: { method: "POST", body: JSON.stringify(body) } })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(message)
    }
    const notJson = await fetch(`${testStack().facts.backend_url}/store/search`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": testStack().facts.publishable_keys.online.token },
      body: "{not json",
    })
    expect(notJson.status).toBe(400)
  })
})

describe("search follows product changes", () => {
  // A product of its own, created here, so other tests' data is untouched.
  let productId: string
  const handle = `search-probe-${Date.now()}`

  async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
    const started = Date.now()
    while (Date.now() - started < timeoutMs) {
      if (await check()) return Date.now() - started
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`not within ${timeoutMs} ms`)
  }
  const found = async (q: string) =>
    (await searchProducts({ filters: { q }, pagination: { take: 20 }, fields: ["handle"] })).hits.some((h) => h.document.handle === handle)

  beforeAll(async () => {
    const channels = await admin(`/admin/sales-channels?name=Online%20store`)
    const profiles = await admin(`/admin/shipping-profiles?limit=1`)
    const created = await admin(`/admin/products`, {
      method: "POST",
      body: JSON.stringify({
        title: "量子纠缠测试碎纸机",
        handle,
        status: "published",
        sales_channels: [{ id: channels.body.sales_channels[0].id }],
        shipping_profile_id: profiles.body.shipping_profiles[0].id,
        options: [{ title: "规格", values: ["标配"] }],
        variants: [{ title: "标配", options: { 规格: "标配" }, manage_inventory: false, prices: [{ currency_code: "cny", amount: 999 }] }],
        metadata: { offer_kind: "goods" },
      }),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    productId = created.body.product.id
    await waitFor(() => found("量子纠缠"), 1_000)
  })

  it("an edited title is searchable within a second, and the old one is gone", async () => {
    const updated = await admin(`/admin/products/${productId}`, { method: "POST", body: JSON.stringify({ title: "量子隧穿测试订书机" }) })
    expect(updated.status).toBe(200)
    await waitFor(() => found("量子隧穿"), 1_000)
    expect(await found("量子纠缠")).toBe(false)
  })

  it("an unpublished product leaves the results within a second", async () => {
    const updated = await admin(`/admin/products/${productId}`, { method: "POST", body: JSON.stringify({ status: "draft" }) })
    expect(updated.status).toBe(200)
    await waitFor(async () => !(await found("量子隧穿")), 1_000)
    await admin(`/admin/products/${productId}`, { method: "POST", body: JSON.stringify({ status: "published" }) })
    await waitFor(() => found("量子隧穿"), 1_000)
  })

  it("a deleted product leaves the results within a second", async () => {
    const deleted = await admin(`/admin/products/${productId}`, { method: "DELETE" })
    expect(deleted.status).toBe(200)
    await waitFor(async () => !(await found("量子隧穿")), 1_000)
  })
})
