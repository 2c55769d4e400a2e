// The storefront's experience centre pages against the real backend and the seeded centre:
// /showroom (theme of the month, featured products, events with seats left, sign-up with field
// errors) and /showroom/scan (a kiosk's QR code → scan recorded → gwc_showroom_scan cookie →
// product or comparison page → cart metadata.showroom_scan_id → order → showroom attribution).

import { Client } from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SHIPPING_ADDRESS, adminOrderMetadata, postAs, storeAs } from "../support/orders"
import { store } from "../support/http"
import { testStack } from "../support/stack"

let db: Client

beforeAll(async () => {
  db = new Client({ connectionString: testStack().databaseUrl })
  await db.connect()
})
afterAll(async () => {
  await db.end()
})

async function rows<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[]
}

interface Page {
  status: number
  html: string
  location: string | null
  cookies: string[]
}

async function visit(path: string, init: { cookie?: string; method?: "GET" | "POST"; form?: Record<string, string>; lang?: string } = {}): Promise<Page> {
  const headers: Record<string, string> = { accept: "text/html", "accept-language": init.lang ?? "zh-CN,zh;q=0.9" }
  if (init.cookie) headers.cookie = init.cookie
  if (init.form) headers["content-type"] = "application/x-www-form-urlencoded"
  const response = await fetch(`${testStack().facts.storefront_url}${path}`, {
    method: init.method ?? (init.form ? "POST" : "GET"),
    headers,
    body: init.form ? new URLSearchParams(init.form) : undefined,
    redirect: "manual",
  })
  return { status: response.status, html: await response.text(), location: response.headers.get("location"), cookies: response.headers.getSetCookie() }
}

/** The `name=value` part of a Set-Cookie, for sending back. */
const cookiePair = (cookies: string[], name: string) => cookies.find((c) => c.startsWith(`${name}=`))?.split(";")[0] ?? null

/** The storefront session (a signed cookie of base64 JSON): which cart the visitor has. */
function sessionData(pair: string): Record<string, unknown> {
  const value = decodeURIComponent(pair.slice(pair.indexOf("=") + 1))
  const payload = value.slice(0, value.lastIndexOf("."))
  return JSON.parse(decodeURIComponent(escape(Buffer.from(payload, "base64").toString("binary"))))
}

const unescapeHtml = (html: string) => html.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")

/** The seeded centre's published themes, current month first. */
async function seededThemes() {
  const centreId = testStack().facts.showroom.centre_id
  return rows<{ id: string; title: string; title_en: string; featured_product_ids: { ids: string[] } }>(
    `select id, title, title_en, featured_product_ids from showroom_theme
      where centre_id = $1 and status = 'published' and deleted_at is null and ends_on >= date_trunc('day', now()) - interval '1 day'
      order by starts_on limit 2`,
    [centreId]
  )
}

function seatsLeft(html: string, eventId: string): number {
  const block = new RegExp(`data-event-id="${eventId}"[\\s\\S]*?data-seats-left="(\\d+)"`).exec(html)
  if (!block) throw new Error(`event ${eventId} is not on the page`)
  return Number(block[1])
}

const uniquePhone = () => `139${String(Date.now() % 1e8).padStart(8, "0")}`

describe("/showroom", () => {
  it("is linked from every page's footer", async () => {
    const home = await visit("/")
    expect(home.html).toMatch(/<a[^>]*href="\/showroom"[^>]*>体验中心<\/a>/)
  })

  it("shows the theme of the month with its featured products, next month's theme and the events with seats left", async () => {
    const themes = await seededThemes()
    expect(themes).toHaveLength(2)
    const page = await visit("/showroom")
    expect(page.status).toBe(200)
    const html = unescapeHtml(page.html)
    expect(html).toContain("体验中心")
    expect(html).toContain(themes[0].title)
    expect(html).toContain(themes[1].title)
    expect(html).toContain("本月主题")

    const featured = await rows<{ handle: string }>("select handle from product where id = any($1)", [themes[0].featured_product_ids.ids])
    expect(featured.length).toBeGreaterThan(0)
    for (const { handle } of featured) expect(html).toContain(`href="/products/${handle}"`)

    const events = await rows<{ id: string; title: string; capacity: number }>(
      "select id, title, capacity from showroom_theme_event where theme_id = any($1) and deleted_at is null and ends_at > now()",
      [themes.map((t) => t.id)]
    )
    expect(events.length).toBeGreaterThanOrEqual(2)
    for (const event of events) {
      expect(html).toContain(event.title)
      expect(seatsLeft(html, event.id)).toBeLessThanOrEqual(event.capacity)
    }
    expect(html).toMatch(/剩余名额 \d+ 个/)
    // Touch targets: the sign-up controls are at least 48 px (stylesheet), each form is labelled.
    expect(html).toMatch(/<form[^>]*aria-label="报名：/)
  })

  it("speaks English to an English-speaking visitor", async () => {
    const themes = await seededThemes()
    const page = await visit("/showroom", { lang: "en" })
    expect(page.status).toBe(200)
    const html = unescapeHtml(page.html)
    expect(html).toContain("Experience centre")
    expect(html).toContain(themes[0].title_en)
    expect(html).toMatch(/\d+ seats left/)
  })

  it("signs a visitor up for an event, counts the seats, and shows field errors and refusals", async () => {
    const [, next] = await seededThemes()
    const [event] = await rows<{ id: string; title: string }>(
      "select id, title from showroom_theme_event where theme_id = $1 and deleted_at is null order by starts_at limit 1",
      [next.id]
    )
    const before = seatsLeft((await visit("/showroom")).html, event.id)

    // Field errors, beside their fields, nothing sent to the backend.
    const invalid = await visit("/showroom?index", { form: { event_id: event.id, name: "", phone: "12345", email: "not-an-email", party_size: "9" } })
    expect(invalid.status).toBe(400)
    const invalidHtml = unescapeHtml(invalid.html)
    expect(invalidHtml).toContain("请修改标出的内容。")
    expect(invalidHtml).toContain("请填写姓名")
    expect(invalidHtml).toContain("请填写 11 位中国大陆手机号")
    expect(invalidHtml).toContain("邮箱格式不正确。")
    expect(invalidHtml).toContain("人数须为 1 到 5 之间的整数。")
    expect(invalidHtml).toMatch(/id="phone-[^"]+"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="phone-/)
    expect(invalidHtml).toContain('value="12345"') // what the visitor typed stays in the form

    const phone = uniquePhone()
    const ok = await visit("/showroom?index", { form: { event_id: event.id, name: "王晓明", phone: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, organization_name: "成都市青羊区财政局", party_size: "2" } })
    expect(ok.status, ok.html.slice(0, 500)).toBe(303)
    expect(ok.location).toBe(`/showroom?signed=${event.id}&party=2#event-${event.id}`)
    const after = await visit(ok.location!.split("#")[0])
    expect(unescapeHtml(after.html)).toContain(`报名成功：${event.title}，2 人。`)
    expect(seatsLeft(after.html, event.id)).toBe(before - 2)
    const [signup] = await rows("select name, phone, party_size, organization_name from showroom_event_signup where event_id = $1 and phone = $2", [event.id, phone])
    expect(signup).toMatchObject({ name: "王晓明", phone, party_size: 2, organization_name: "成都市青羊区财政局" })

    // The same phone again: the backend refuses (409) and the page says so.
    const again = await visit("/showroom?index", { form: { event_id: event.id, name: "王晓明", phone, party_size: "1" } })
    expect(again.status).toBe(409)
    expect(unescapeHtml(again.html)).toMatch(/<p role="alert" class="form-error">报名未成功：[^<]+<\/p>/)
    expect(seatsLeft((await visit("/showroom")).html, event.id)).toBe(before - 2)
  })
})

describe("/showroom/scan", () => {
  async function zoneExhibits(zone: string) {
    return rows<{ id: string; product_id: string; variant_id: string; handle: string; plinth: string }>(
      `select e.id, e.product_id, e.variant_id, p.handle, e.plinth
         from showroom_exhibit e join showroom_zone z on z.id = e.zone_id join product p on p.id = e.product_id
        where z.centre_id = $1 and z.code = $2 and e.status = 'on_display' and e.deleted_at is null
        order by e.plinth`,
      [testStack().facts.showroom.centre_id, zone]
    )
  }

  it("a bad or unknown code gets a friendly 404 page", async () => {
    const [exhibit] = await zoneExhibits("A")
    const kiosk = testStack().facts.showroom.kiosks[0]
    for (const path of [
      "/showroom/scan",
      `/showroom/scan?k=${kiosk.id}`,
      `/showroom/scan?k=${kiosk.id}&e=`,
      `/showroom/scan?k=<script>&e=${exhibit.id}`,
      `/showroom/scan?k=xksk_UNKNOWN0000000000000000&e=${exhibit.id}`,
      `/showroom/scan?k=${kiosk.id}&e=xexh_UNKNOWN0000000000000000`,
      `/showroom/scan?k=${kiosk.id}&e=a,b,c,d,e`,
    ]) {
      const page = await visit(path)
      expect(page.status, path).toBe(404)
      expect(page.html, path).toContain("二维码无效或已过期")
      expect(page.html, path).toContain('href="/showroom"')
      expect(cookiePair(page.cookies, "gwc_showroom_scan"), path).toBeNull()
    }
  })

  it("one exhibit: records the scan, sets the attribution cookie and opens the product", async () => {
    const [exhibit] = await zoneExhibits("A")
    const kiosk = testStack().facts.showroom.kiosks[0]
    const page = await visit(`/showroom/scan?k=${kiosk.id}&e=${exhibit.id}`)
    expect(page.status).toBe(302)
    expect(page.location).toBe(`/products/${exhibit.handle}`)
    const setCookie = page.cookies.find((c) => c.startsWith("gwc_showroom_scan="))!
    expect(setCookie).toMatch(/^gwc_showroom_scan=xqrs_[A-Za-z0-9]+; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax/)
    const scanId = setCookie.split(";")[0].split("=")[1]
    const [scan] = await rows("select kiosk_id, centre_id, exhibit_ids from showroom_qr_scan where id = $1", [scanId])
    expect(scan).toMatchObject({ kiosk_id: kiosk.id, centre_id: testStack().facts.showroom.centre_id })
    expect(scan.exhibit_ids.ids).toEqual([exhibit.id])
  })

  it("several exhibits open the comparison of their products", async () => {
    const exhibits = (await zoneExhibits("B")).slice(0, 3)
    const kiosk = testStack().facts.showroom.kiosks[1]
    const page = await visit(`/showroom/scan?k=${kiosk.id}&e=${exhibits.map((e) => e.id).join(",")}`)
    expect(page.status).toBe(302)
    expect(page.location).toBe(`/compare?items=${exhibits.map((e) => e.handle).join(",")}`)
    expect(cookiePair(page.cookies, "gwc_showroom_scan")).toMatch(/^gwc_showroom_scan=xqrs_/)
  })

  /** Exhibits of zones A and B whose displayed variant is in stock online. */
  async function exhibitsInStock() {
    const found = []
    for (const candidate of [...(await zoneExhibits("A")), ...(await zoneExhibits("B"))]) {
      const { body } = await store(`/store/products/${candidate.product_id}?fields=id,*variants,+variants.inventory_quantity`)
      const variant = body.product?.variants?.find((v: { id: string }) => v.id === candidate.variant_id)
      if (variant && (!variant.manage_inventory || variant.inventory_quantity > 2)) found.push(candidate)
    }
    return found
  }

  it("the cookie puts the scan on the cart; the order placed from it is attributed to the showroom", async () => {
    const [exhibit] = await exhibitsInStock()
    expect(exhibit, "an exhibit in stock").toBeDefined()
    const kiosk = testStack().facts.showroom.kiosks[0]
    const scanned = await visit(`/showroom/scan?k=${kiosk.id}&e=${exhibit!.id}`)
    const scanCookie = cookiePair(scanned.cookies, "gwc_showroom_scan")!
    const scanId = scanCookie.split("=")[1]

    // The visitor adds the product to the cart on the storefront (the form, no JavaScript).
    const added = await visit(scanned.location!, { cookie: scanCookie, form: { variant_id: exhibit!.variant_id, quantity: "1" } })
    expect(added.status, added.html.slice(0, 500)).toBe(302)
    const session = cookiePair(added.cookies, "gwc_session")!
    const cartId = sessionData(session).cartId as string
    expect(cartId).toMatch(/^cart_/)
    const cart = await store(`/store/carts/${cartId}?fields=id,metadata`)
    expect(cart.body.cart.metadata).toMatchObject({ showroom_scan_id: scanId })

    // Checkout through the store API (the storefront's checkout is tested elsewhere).
    const ok = (what: string, r: { status: number; body: any }) => {
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`)
      return r
    }
    ok("address", await postAs(null, `/store/carts/${cartId}`, { email: `showroom-${Date.now()}@example.cn`, shipping_address: SHIPPING_ADDRESS }))
    const options = ok("shipping options", await storeAs(null, `/store/shipping-options?cart_id=${cartId}`))
    const option = options.body.shipping_options.find((o: { type?: { code?: string } }) => o.type?.code === "standard-delivery")
    ok("shipping method", await postAs(null, `/store/carts/${cartId}/shipping-methods`, { option_id: option.id }))
    const collection = ok("payment collection", await postAs(null, "/store/payment-collections", { cart_id: cartId }))
    ok("payment session", await postAs(null, `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
    const completed = ok("complete", await postAs(null, `/store/carts/${cartId}/complete`))
    expect(completed.body.type).toBe("order")
    const orderId = completed.body.order.id as string

    // Medusa copies the cart's metadata to the order; the backend attributes it once.
    expect(await adminOrderMetadata(orderId)).toMatchObject({ showroom_scan_id: scanId })
    let attributions: any[] = []
    for (let i = 0; i < 50 && !attributions.length; i++) {
      attributions = await rows("select scan_id, kiosk_id, centre_id, exhibit_id from showroom_order_attribution where order_id = $1 and deleted_at is null", [orderId])
      if (!attributions.length) await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(attributions).toEqual([{ scan_id: scanId, kiosk_id: kiosk.id, centre_id: testStack().facts.showroom.centre_id, exhibit_id: exhibit!.id }])
  })

  it("a visitor who already has a cart gets the scan on it at once", async () => {
    const [, first, second] = await exhibitsInStock()
    const kiosk = testStack().facts.showroom.kiosks[0]
    const one = await visit(`/showroom/scan?k=${kiosk.id}&e=${first.id}`)
    const firstScan = cookiePair(one.cookies, "gwc_showroom_scan")!
    // A cart from an earlier scan…
    const added = await visit(one.location!, { cookie: firstScan, form: { variant_id: first.variant_id, quantity: "1" } })
    expect(added.status, added.html.slice(0, 500)).toBe(302)
    const session = cookiePair(added.cookies, "gwc_session")!
    const cartId = sessionData(session).cartId as string
    expect((await store(`/store/carts/${cartId}?fields=id,metadata`)).body.cart.metadata.showroom_scan_id).toBe(firstScan.split("=")[1])
    // …then a second scan: the open cart now names the later one.
    const two = await visit(`/showroom/scan?k=${kiosk.id}&e=${second.id}`, { cookie: `${session}; ${firstScan}` })
    expect(two.status).toBe(302)
    const secondScan = cookiePair(two.cookies, "gwc_showroom_scan")!.split("=")[1]
    expect(secondScan).not.toBe(firstScan.split("=")[1])
    const cart = await store(`/store/carts/${cartId}?fields=id,metadata`)
    expect(cart.body.cart.metadata.showroom_scan_id).toBe(secondScan)
  })
})
