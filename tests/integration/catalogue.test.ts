import sharp from "sharp"
import { beforeAll, describe, expect, it } from "vitest"
import { generateCatalogue } from "../../seed/src"
import { admin, backendUrl, listAll, store, type Channel } from "../support/http"

const catalogue = generateCatalogue(20261122)
const PRODUCT_FIELDS = [
  "id",
  "handle",
  "title",
  "thumbnail",
  "metadata",
  "*images",
  "*categories",
  "*type",
  "*variants",
  "*variants.calculated_price",
].join(",")

let regionId: string
const productsByChannel = {} as Record<Channel, any[]>

async function storeProducts(channel: Channel) {
  return listAll(
    (offset, limit) =>
      store(`/store/products?region_id=${regionId}&fields=${PRODUCT_FIELDS}&limit=${limit}&offset=${offset}`, { channel }),
    "products"
  )
}

beforeAll(async () => {
  const regions = await store("/store/regions")
  expect(regions.status).toBe(200)
  const china = regions.body.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
  expect(china, "a region with CNY exists").toBeTruthy()
  regionId = china.id
  for (const channel of ["online", "showroom", "livestream"] as Channel[]) {
    // Only the seeded products: other test files add suppliers' listings to the same backend.
    const seeded = new Set(catalogue.products.map((p) => p.handle))
    productsByChannel[channel] = (await storeProducts(channel)).filter((p: { handle: string }) => seeded.has(p.handle))
  }
})

describe("the seeded catalogue through the store API", () => {
  it("region China sells in CNY, includes VAT in prices, and ships to China", async () => {
    const { body } = await store(`/store/regions/${regionId}?fields=*countries`)
    expect(body.region.currency_code).toBe("cny")
    expect(body.region.countries.map((c: { iso_2: string }) => c.iso_2)).toContain("cn")
  })

  it("the online store's key returns every seeded product with a CNY price", () => {
    const products = productsByChannel.online
    expect(products.length).toBe(catalogue.products.length)
    expect(products.length).toBeGreaterThanOrEqual(300)
    for (const product of products) {
      expect(product.variants.length, product.handle).toBeGreaterThan(0)
      for (const variant of product.variants) {
        expect(variant.calculated_price?.currency_code, `${product.handle}/${variant.sku}`).toBe("cny")
        expect(Number(variant.calculated_price.calculated_amount)).toBeGreaterThan(0)
      }
    }
  })

  it("prices match the catalogue the seed was generated from", () => {
    const wanted = new Map(catalogue.products.flatMap((p) => p.variants.map((v) => [v.sku, v.price_cny])))
    for (const product of productsByChannel.online) {
      for (const variant of product.variants) {
        expect(Number(variant.calculated_price.calculated_amount), variant.sku).toBeCloseTo(wanted.get(variant.sku)!, 2)
      }
    }
  })

  it("each sales channel's key sees exactly its own products", () => {
    for (const channel of ["online", "showroom", "livestream"] as Channel[]) {
      const expected = catalogue.products.filter((p) => p.channels.includes(channel)).map((p) => p.handle).sort()
      const seen = productsByChannel[channel].map((p) => p.handle).sort()
      expect(seen, channel).toEqual(expected)
    }
    // The channels really differ, so the comparison above means something.
    expect(productsByChannel.showroom.length).toBeLessThan(productsByChannel.online.length)
    expect(productsByChannel.livestream.length).toBeLessThan(productsByChannel.online.length)
  })

  it("a request without a publishable key gets Medusa's 400", async () => {
    const { status, body } = await store("/store/products", { channel: null })
    expect(status).toBe(400)
    expect(body.message).toMatch(/publishable api key required/i)
  })

  it("every product has an image, a category, a kind and at least five specification attributes", () => {
    for (const product of productsByChannel.online) {
      expect(product.thumbnail, product.handle).toMatch(/^\/media\/products\/.+-thumb\.webp$/)
      expect(product.images.length, product.handle).toBeGreaterThan(0)
      expect(product.categories.length, product.handle).toBe(1)
      expect(["goods", "rental", "service", "specialty"]).toContain(product.metadata.offer_kind)
      expect(product.type?.value, product.handle).toBeTruthy()
      const specs = product.metadata.specs as { key: string; label_zh: string; value: unknown }[]
      expect(specs.length, product.handle).toBeGreaterThanOrEqual(5)
      for (const spec of specs) {
        expect(spec.label_zh).toBeTruthy()
        expect(spec.value === null || spec.value === undefined || spec.value === "").toBe(false)
      }
      expect(product.metadata.supplier_name, product.handle).toBeTruthy()
    }
  })

  it("covers the four kinds of offer and at least twelve suppliers", () => {
    const kinds = new Set(productsByChannel.online.map((p) => p.metadata.offer_kind))
    expect([...kinds].sort()).toEqual(["goods", "rental", "service", "specialty"])
    const suppliers = new Set(productsByChannel.online.map((p) => p.metadata.supplier_code))
    expect(suppliers.size).toBeGreaterThanOrEqual(12)
    const rentals = productsByChannel.online.filter((p) => p.metadata.offer_kind === "rental")
    expect(rentals.every((p) => p.metadata.rental?.deposit_cny >= 0 && p.metadata.rental?.period_unit)).toBe(true)
    const services = productsByChannel.online.filter((p) => p.metadata.offer_kind === "service")
    expect(services.every((p) => p.metadata.service?.response_hours > 0)).toBe(true)
  })

  it("categories form a two-level tree and every product sits in a leaf", async () => {
    const categories = await listAll(
      (offset, limit) =>
        store(`/store/product-categories?fields=id,handle,parent_category_id,*category_children&limit=${limit}&offset=${offset}`),
      "product_categories"
    )
    const byId = new Map(categories.map((c) => [c.id, c]))
    const roots = categories.filter((c) => !c.parent_category_id)
    expect(roots.length).toBe(4)
    for (const category of categories.filter((c) => c.parent_category_id)) {
      expect(byId.get(category.parent_category_id)?.parent_category_id ?? null, category.handle).toBeNull()
    }
    for (const product of productsByChannel.online) {
      const category = byId.get(product.categories[0].id)
      expect(category?.parent_category_id, product.handle).toBeTruthy()
    }
  })

  it("serves each product's images as WebP in three sizes", async () => {
    for (const product of productsByChannel.online.slice(0, 5)) {
      const sizes = product.metadata.images as Record<string, { url: string; width: number; height: number }>
      expect(Object.keys(sizes).sort()).toEqual(["large", "medium", "thumb"])
      for (const image of Object.values(sizes)) {
        const response = await fetch(backendUrl(image.url))
        expect(response.status, image.url).toBe(200)
        expect(response.headers.get("content-type")).toBe("image/webp")
        const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
        expect(meta.format).toBe("webp")
        expect(meta.width).toBe(image.width)
        expect(meta.height).toBe(image.height)
      }
    }
  })

  it("refuses image names that could leave the media folder", async () => {
    for (const name of ["..%2F..%2Fetc%2Fpasswd", "x.png", "%2e%2e-thumb.webp"]) {
      const response = await fetch(backendUrl(`/media/products/${name}`))
      expect(response.status, name).toBe(400)
    }
    expect((await fetch(backendUrl("/media/products/no-such-product-thumb.webp"))).status).toBe(404)
  })

  it("stocks every variant at both the central warehouse and the experience centre", async () => {
    const locations = await admin("/admin/stock-locations?fields=id,name&limit=50")
    const names = locations.body.stock_locations.map((l: { name: string }) => l.name).sort()
    // Suppliers' own warehouses (created by other test files) may come on top of the seeded two.
    expect(names).toEqual(expect.arrayContaining(["Central warehouse", "Experience centre"]))
    const items = await listAll(
      (offset, limit) => admin(`/admin/inventory-items?fields=id,sku,*location_levels&limit=${limit}&offset=${offset}`),
      "inventory_items",
      200
    )
    const skus = catalogue.products.flatMap((p) => p.variants.map((v) => v.sku))
    const seededSkus = new Set(skus)
    const seededItems = items.filter((i: { sku: string }) => seededSkus.has(i.sku))
    expect(seededItems.length).toBe(skus.length)
    for (const item of seededItems) {
      const levelLocations = new Set(item.location_levels.map((l: { location_id: string }) => l.location_id))
      expect(levelLocations.size, item.sku).toBe(2)
    }
  })

  it("offers delivery and pickup at the experience centre", async () => {
    const options = await admin("/admin/shipping-options?fields=id,name,price_type,*type&limit=50")
    const codes = options.body.shipping_options.map((o: { type: { code: string } }) => o.type.code).sort()
    expect(codes).toEqual(["pickup-experience-centre", "standard-delivery"])
  })

  it("lets the printed admin log in to the admin API", async () => {
    const me = await admin("/admin/users/me")
    expect(me.status).toBe(200)
  })
})
