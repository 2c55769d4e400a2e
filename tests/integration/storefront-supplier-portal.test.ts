import sharp from "sharp"
import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import { registerCustomer } from "../support/orders"
import { creditCode, registerSupplier, supplierApi, type RegisteredSupplier } from "../support/supplier"
import { testStack } from "../support/stack"

// The supplier portal (/supplier) used as a browser without JavaScript uses it: plain and
// multipart form posts, the portal's cookie carried by hand, redirects not followed.

const url = (path: string) => `${testStack().facts.storefront_url}${path}`
const runSeed = 4_000_000 + (Date.now() % 100_000) * 10
const unique = Date.now().toString(36)

interface Answer {
  status: number
  html: string
  location: string | null
  cookie: string | null
}

async function answer(response: Response): Promise<Answer> {
  const html = await response.text()
  const portal = response.headers.getSetCookie().find((c) => c.startsWith("gwc_supplier="))
  return { status: response.status, html, location: response.headers.get("location"), cookie: portal ? portal.split(";")[0] : null }
}

async function getPage(path: string, cookie?: string | null, lang = "zh-CN") {
  return answer(await fetch(url(path), { headers: { accept: "text/html", "accept-language": lang, ...(cookie ? { cookie } : {}) }, redirect: "manual" }))
}

async function postForm(path: string, fields: Record<string, string>, cookie?: string | null) {
  return answer(
    await fetch(url(path), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", "accept-language": "zh-CN", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
      redirect: "manual",
    })
  )
}

async function postMultipart(path: string, fields: Record<string, string>, files: { name: string; type: string; data: Buffer }[], cookie: string | null) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  for (const file of files) form.append("files", new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  // An empty file input still sends a part, as a browser does.
  if (!files.length) form.append("files", new Blob([], { type: "application/octet-stream" }), "")
  return answer(await fetch(url(path), { method: "POST", headers: { accept: "text/html", "accept-language": "zh-CN", ...(cookie ? { cookie } : {}) }, body: form, redirect: "manual" }))
}

const alertText = (html: string) => /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null
const fieldError = (html: string, field: string) => new RegExp(`<p id="${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-error"[^>]*>([^<]*)</p>`).exec(html)?.[1] ?? null

function registration(email: string, code: string, overrides: Record<string, string> = {}) {
  return {
    email,
    password: "Portal-pass-1",
    confirm: "Portal-pass-1",
    name: "赵经理",
    company_name: `成都无脚本科技有限公司${email.split("@")[0]}`,
    credit_code: code,
    legal_representative: "钱法人",
    region: "四川省成都市",
    contact_name: "赵经理",
    contact_phone: "13800138000",
    contact_email: "",
    document_name_0: "营业执照",
    document_url_0: "https://example.cn/licence.pdf",
    ...overrides,
  }
}

async function png(color: string): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 900, channels: 3, background: color } }).png().toBuffer()
}

async function portalLogin(supplier: { email: string; password: string }): Promise<string> {
  const login = await postForm("/supplier/login", { email: supplier.email, password: supplier.password })
  expect(login.status, login.html.slice(0, 300)).toBe(302)
  expect(login.cookie).toMatch(/^gwc_supplier=/)
  return login.cookie!
}

let categoryId = ""

beforeAll(async () => {
  const categories = await fetch(`${testStack().facts.backend_url}/store/product-categories?limit=100&fields=id,handle,parent_category_id`, {
    headers: { "x-publishable-api-key": testStack().facts.publishable_keys.online.token },
  }).then((r) => r.json())
  categoryId = categories.product_categories.find((c: { parent_category_id: string | null }) => c.parent_category_id).id
})

describe("supplier portal pages (no JavaScript)", () => {
  it("sends a visitor without a portal login to the login page and back", async () => {
    const dashboard = await getPage("/supplier")
    expect(dashboard.status).toBe(302)
    expect(dashboard.location).toBe("/supplier/login?redirectTo=%2Fsupplier")
    const listings = await getPage("/supplier/listings?page=2")
    expect(listings.location).toBe("/supplier/login?redirectTo=%2Fsupplier%2Flistings%3Fpage%3D2")
    const login = await getPage("/supplier/login?redirectTo=%2Fsupplier%2Flistings")
    expect(login.status).toBe(200)
    expect(login.html).toContain("<h1 id=\"supplier-login-title\">供应商登录</h1>")
    expect(login.html).toContain('name="redirectTo" value="/supplier/listings"')
  })

  it("the shop's pages link to the portal without carrying its strings; the portal speaks English too", async () => {
    const home = await getPage("/")
    expect(home.html).toContain('href="/supplier"')
    expect(home.html).toContain("供应商中心")
    expect(home.html.includes("供应商入驻申请"), "portal strings on the home page").toBe(false)
    expect(home.html.includes("提交入驻申请"), "portal strings on the home page").toBe(false)
    const register = await getPage("/supplier/register")
    expect(register.html).toContain("<h1 id=\"supplier-register-title\">供应商入驻申请</h1>")
    const english = await getPage("/supplier/login", null, "en")
    expect(english.html).toContain("<h1 id=\"supplier-login-title\">Supplier login</h1>")
  })

  it("registration checks the credit code's shape with a friendly message, and every required field", async () => {
    const email = `portal-form-${unique}-a@example.cn`
    const withI = await postForm("/supplier/register", registration(email, "91510100MA6CUYYI0X"))
    expect(withI.status).toBe(400)
    expect(alertText(withI.html)).toBe("请检查标出的字段。")
    expect(fieldError(withI.html, "credit_code")).toBe("统一社会信用代码只能包含数字和大写字母，且不含 I、O、S、V、Z。")
    const region = await postForm("/supplier/register", registration(email, "91AB0100MA6CUYYY0X"))
    expect(fieldError(region.html, "credit_code")).toBe("统一社会信用代码第 3–8 位应为行政区划代码（6 位数字），请对照营业执照核对。")
    const missing = await postForm("/supplier/register", registration(email, "", { company_name: "", contact_phone: "12", confirm: "other", document_url_0: "ftp://x" }))
    expect(fieldError(missing.html, "credit_code")).toBe("请填写此项")
    expect(fieldError(missing.html, "company_name")).toBe("请填写此项")
    expect(fieldError(missing.html, "contact_phone")).toBe("电话格式不正确，例如 13800138000 或 028-86001234")
    expect(fieldError(missing.html, "confirm")).toBe("两次输入的密码不一致")
    expect(fieldError(missing.html, "document_url_0")).toBe("请填写以 http:// 或 https:// 开头的链接")
    // What was typed comes back (never the password).
    expect(missing.html).toContain(`value="${email}"`)
    expect(missing.html.includes('value="Portal-pass-1"'), "password echoed").toBe(false)
  })

  it("the backend's refusal is shown at its field; the same email then finishes the registration", async () => {
    const taken = await registerSupplier(runSeed + 1)
    const email = `portal-form-${unique}-b@example.cn`
    const duplicate = await postForm("/supplier/register", registration(email, creditCode(runSeed + 1)))
    expect(duplicate.status).toBe(400)
    expect(fieldError(duplicate.html, "credit_code")).toBe("该统一社会信用代码已注册")
    expect(taken.id).toMatch(/^sup_/)

    // The login identity was made before the company was refused: registering again goes on with it.
    const registered = await postForm("/supplier/register", registration(email, creditCode(runSeed + 2)))
    expect(registered.status, registered.html.slice(0, 500)).toBe(302)
    expect(registered.location).toBe("/supplier")
    expect(registered.cookie).toMatch(/^gwc_supplier=/)
    const dashboard = await getPage("/supplier", registered.cookie)
    expect(dashboard.status).toBe(200)
    expect(dashboard.html).toContain('data-testid="supplier-status">待审核</span>')
    expect(dashboard.html).toContain("入驻申请已提交，请等待平台审核。")
    expect(dashboard.html.includes('data-testid="registration-warnings"'), "warnings shown").toBe(false)

    // A pending company sees the message instead of the listing form, and cannot post one.
    const form = await getPage("/supplier/listings/new", registered.cookie)
    expect(form.html).toContain('data-testid="not-approved"')
    expect(form.html.includes('class="supplier-form listing-form"'), "no listing form").toBe(false)
    const posted = await postMultipart("/supplier/listings/new", { intent: "save", title: "x" }, [], registered.cookie)
    expect(posted.status).toBe(403)
    const locations = await getPage("/supplier/locations", registered.cookie)
    expect(locations.html.includes("<button type=\"submit\">保存仓库</button>"), "no warehouse form").toBe(false)
  })

  it("log in: a wrong password and an unknown email read the same; a buyer's login is not a supplier's", async () => {
    const supplier = await registerSupplier(runSeed + 3)
    const wrong = await postForm("/supplier/login", { email: supplier.email, password: "not-the-password" })
    expect(wrong.status).toBe(401)
    expect(alertText(wrong.html)).toBe("邮箱或密码不正确")
    const unknown = await postForm("/supplier/login", { email: `nobody-${unique}@example.cn`, password: "whatever-1" })
    expect(alertText(unknown.html)).toBe("邮箱或密码不正确")
    const invalid = await postForm("/supplier/login", { email: "not-an-email", password: "" })
    expect(invalid.status).toBe(400)
    expect(fieldError(invalid.html, "email")).toBe("邮箱格式不正确")
    expect(fieldError(invalid.html, "password")).toBe("请填写此项")

    const buyer = await registerCustomer("portal-buyer")
    const asBuyer = await postForm("/supplier/login", { email: buyer.email, password: buyer.password })
    expect([401, 403]).toContain(asBuyer.status)
    expect(asBuyer.cookie).toBeNull()

    const cookie = await portalLogin(supplier)
    const redirected = await postForm("/supplier/login", { email: supplier.email, password: supplier.password, redirectTo: "https://evil.example/" })
    expect(redirected.location).toBe("/supplier")
    const out = await postForm("/supplier/logout", {}, cookie)
    expect(out.status).toBe(302)
    expect(out.location).toBe("/supplier/login?loggedOut=1")
  })

  describe("an admitted supplier's listing form", () => {
    let supplier: RegisteredSupplier
    let cookie = ""
    let productId = ""
    const base = (overrides: Record<string, string> = {}) => ({
      spec_rows: "3",
      variant_rows: "1",
      title: `无脚本测试 碎纸机 SD-${unique}`,
      subtitle: "",
      kind: "goods",
      category_id: categoryId,
      description: "四级保密碎纸机，连续碎纸 30 分钟。",
      spec_key_0: "品牌",
      spec_value_0: "蓉测",
      spec_unit_0: "",
      spec_key_1: "",
      spec_value_1: "",
      spec_unit_1: "",
      spec_key_2: "",
      spec_value_2: "",
      spec_unit_2: "",
      variant_title_0: "标准",
      variant_sku_0: "",
      variant_price_0: "699",
      rental_period_unit: "month",
      rental_price_per_period: "",
      rental_deposit: "0",
      rental_min_periods: "1",
      rental_max_periods: "12",
      service_area: "",
      service_response_hours: "",
      service_unit: "",
      service_delivery_mode: "onsite",
      ...overrides,
    })

    beforeAll(async () => {
      supplier = await registerSupplier(runSeed + 4)
      const approved = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
      expect(approved.status).toBe(200)
      cookie = await portalLogin(supplier)
    })

    it("'add a row' posts the form and comes back with the row, keeping what was typed", async () => {
      const added = await postMultipart("/supplier/listings/new", base({ intent: "add-variant" }), [], cookie)
      expect(added.status).toBe(200)
      expect(added.html).toContain('id="variant_title_1"')
      expect(added.html).toContain(`value="无脚本测试 碎纸机 SD-${unique}"`)
      const spec = await postMultipart("/supplier/listings/new", base({ intent: "add-spec" }), [], cookie)
      expect(spec.html).toContain('id="spec_key_3"')
    })

    it("names each problem at its field", async () => {
      const bad = await postMultipart(
        "/supplier/listings/new",
        base({ intent: "save", title: " ", category_id: "", variant_price_0: "12.345", spec_key_1: "型号", kind: "rental", rental_price_per_period: "", rental_max_periods: "0" }),
        [],
        cookie
      )
      expect(bad.status).toBe(400)
      expect(alertText(bad.html)).toBe("请检查标出的字段。")
      expect(fieldError(bad.html, "title")).toBe("请填写此项")
      expect(fieldError(bad.html, "category_id")).toBe("请选择商品分类")
      expect(fieldError(bad.html, "variant_price_0")).toBe("请填写金额，例如 2399 或 2399.50（最多两位小数）")
      expect(fieldError(bad.html, "spec_value_1")).toBe("请填写此项")
      expect(fieldError(bad.html, "rental_price_per_period")).toBe("请填写此项")
      expect(fieldError(bad.html, "rental_max_periods")).toBe("请填写 1–1000 之间的整数")
    })

    it("a file that is not an image is refused with the backend's reason; nothing is kept", async () => {
      const upload = await postMultipart("/supplier/listings/new", base({ intent: "upload" }), [{ name: "fake.png", type: "image/png", data: Buffer.from("not really a png") }], cookie)
      expect(upload.status).toBe(400)
      expect(fieldError(upload.html, "files")).toBe("“fake.png” 不是 JPEG、PNG 或 WebP 图片")
      expect(upload.html.includes('name="image_urls"'), "an image kept").toBe(false)
      const nothing = await postMultipart("/supplier/listings/new", base({ intent: "upload" }), [], cookie)
      expect(fieldError(nothing.html, "files")).toBe("请先选择要上传的图片。")
    })

    it("saves a listing with its image in one post: it awaits review", async () => {
      const saved = await postMultipart("/supplier/listings/new", base({ intent: "save" }), [{ name: "shredder.png", type: "image/png", data: await png("#2b6cb0") }], cookie)
      expect(saved.status, saved.html.slice(0, 800)).toBe(302)
      expect(saved.location).toMatch(/^\/supplier\/listings\/prod_[0-9A-Z]+\?created=1$/)
      productId = saved.location!.split("/").pop()!.split("?")[0]
      const page = await getPage(saved.location!, cookie)
      expect(page.html).toContain("商品已提交，待审核。审核通过后将在商城上架。")
      expect(page.html).toContain('data-testid="review-state">待审核</span>')
      const detail = await supplierApi(`/supplier/products/${productId}`, { token: supplier.token })
      expect(detail.status).toBe(200)
      expect(detail.body.product.image_urls).toHaveLength(1)
      expect(detail.body.product.variants[0].price_cny).toBe(699)
      const list = await getPage("/supplier/listings", cookie)
      expect(list.html).toContain(`无脚本测试 碎纸机 SD-${unique}`)
    })

    it("a rental and a service save with their terms (a service keeps no stock)", async () => {
      const rental = await postMultipart(
        "/supplier/listings/new",
        base({ intent: "save", kind: "rental", title: `无脚本测试 投影仪租赁 ${unique}`, variant_price_0: "300", rental_period_unit: "week", rental_price_per_period: "300", rental_deposit: "1,000", rental_min_periods: "1", rental_max_periods: "8" }),
        [],
        cookie
      )
      expect(rental.status, rental.html.slice(0, 800)).toBe(302)
      const rentalId = rental.location!.split("/").pop()!.split("?")[0]
      const rentalDetail = await supplierApi(`/supplier/products/${rentalId}`, { token: supplier.token })
      expect(rentalDetail.body.product.kind).toBe("rental")
      expect(rentalDetail.body.product.rental).toMatchObject({ period_unit: "week", price_per_period_cny: 300, deposit_cny: 1000, min_periods: 1, max_periods: 8 })

      const service = await postMultipart(
        "/supplier/listings/new",
        base({ intent: "save", kind: "service", title: `无脚本测试 会场布置 ${unique}`, variant_price_0: "5000", service_area: "成都市区", service_response_hours: "4", service_unit: "场", service_delivery_mode: "onsite" }),
        [],
        cookie
      )
      expect(service.status, service.html.slice(0, 800)).toBe(302)
      const serviceId = service.location!.split("/").pop()!.split("?")[0]
      const serviceDetail = await supplierApi(`/supplier/products/${serviceId}`, { token: supplier.token })
      expect(serviceDetail.body.product.kind).toBe("service")
      expect(serviceDetail.body.product.service).toMatchObject({ response_hours: 4, unit: "场" })
      expect(serviceDetail.body.product.variants[0].manage_inventory).toBe(false)
      // The edit page of a live-or-not listing keeps its kind and shows its terms.
      const page = await getPage(`/supplier/listings/${serviceId}`, cookie)
      expect(page.html).toContain('data-kind="service"')
      expect(page.html).toContain('value="成都市区"')
    })

    it("another supplier gets a 404 for this listing, reading or posting", async () => {
      const other = await registerSupplier(runSeed + 5)
      await admin(`/admin/suppliers/${other.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
      const otherCookie = await portalLogin(other)
      expect((await getPage(`/supplier/listings/${productId}`, otherCookie)).status).toBe(404)
      const posted = await postMultipart(`/supplier/listings/${productId}`, base({ intent: "save", variant_rows: "0", title: "偷改" }), [], otherCookie)
      expect(posted.status).toBe(404)
      const detail = await supplierApi(`/supplier/products/${productId}`, { token: supplier.token })
      expect(detail.body.product.title).toBe(`无脚本测试 碎纸机 SD-${unique}`)
    })
  })
})
