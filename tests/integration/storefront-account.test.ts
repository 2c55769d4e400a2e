import { Client } from "pg"
import { beforeAll, describe, expect, it } from "vitest"
import { placeOrder, registerCustomer, type TestCustomer } from "../support/orders"
import { testStack } from "../support/stack"

// The storefront's account pages, used as a browser without JavaScript uses them: plain form
// posts, the session cookie carried by hand, redirects not followed.

const url = (path: string) => `${testStack().facts.storefront_url}${path}`

interface Answer {
  status: number
  html: string
  location: string | null
  cookie: string | null
}

async function answer(response: Response): Promise<Answer> {
  const html = await response.text()
  const setCookie = response.headers.get("set-cookie")
  return { status: response.status, html, location: response.headers.get("location"), cookie: setCookie ? setCookie.split(";")[0] : null }
}

async function postForm(path: string, fields: Record<string, string>, cookie?: string | null, lang = "zh-CN") {
  return answer(
    await fetch(url(path), {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html",
        "accept-language": lang,
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields),
      redirect: "manual",
    })
  )
}

async function getPage(path: string, cookie?: string | null) {
  return answer(await fetch(url(path), { headers: { accept: "text/html", ...(cookie ? { cookie } : {}) }, redirect: "manual" }))
}

/** The timeline entry of one step (its <li>), as rendered. */
const stepHtml = (html: string, key: string) => new RegExp(`<li[^>]*data-step="${key}"[^>]*>([\\s\\S]*?)</li>`).exec(html)?.[1] ?? ""
const alertText = (html: string) => /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null
const fieldError = (html: string, field: string) => new RegExp(`<p id="${field}-error"[^>]*>([^<]*)</p>`).exec(html)?.[1] ?? null

const email = `account-form-${Date.now().toString(36)}-${process.pid}@example.cn`
const password = "Form-pass-1"
const registration = { email, password, confirm: password, last_name: "李", first_name: "采购", phone: "" }
let cookie: string | null = null

beforeAll(async () => {
  const registered = await postForm("/account/register", registration)
  expect(registered.status, registered.html.slice(0, 500)).toBe(302)
  expect(registered.location).toBe("/account")
  expect(registered.cookie).toMatch(/^gwc_session=/)
  cookie = registered.cookie
})

describe("storefront account pages (no JavaScript)", () => {
  it("sends a visitor without a login from /account to the login page and back", async () => {
    const result = await getPage("/account")
    expect(result.status).toBe(302)
    expect(result.location).toBe("/account/login?redirectTo=%2Faccount")
    const orders = await getPage("/account/orders?page=2")
    expect(orders.location).toBe("/account/login?redirectTo=%2Faccount%2Forders%3Fpage%3D2")
    const login = await getPage("/account/login?redirectTo=%2Faccount")
    expect(login.status).toBe(200)
    expect(login.html).toContain('name="redirectTo" value="/account"')
  })

  it("shows the logged-in customer's profile", async () => {
    const page = await getPage("/account", cookie)
    expect(page.status).toBe(200)
    expect(page.html).toContain("欢迎，李采购")
    expect(page.html).toContain(email)
  })

  it("names a mismatched confirmation and a short password", async () => {
    const result = await postForm("/account/register", { ...registration, email: `other-${email}`, password: "short", confirm: "short" })
    expect(result.status).toBe(400)
    expect(fieldError(result.html, "password")).toBe("密码至少需要 8 位")
    const mismatch = await postForm("/account/register", { ...registration, email: `other-${email}`, confirm: "Form-pass-2" })
    expect(mismatch.status).toBe(400)
    expect(fieldError(mismatch.html, "confirm")).toBe("两次输入的密码不一致")
    // The form keeps what was typed, never the passwords.
    expect(mismatch.html).toContain(`value="other-${email}"`)
    expect(mismatch.html).not.toContain(password)
  })

  it("answers a registered email with a field error, not a 500 (Chinese and English)", async () => {
    const result = await postForm("/account/register", { ...registration, password: "Another-pass-1", confirm: "Another-pass-1" })
    expect(result.status).toBe(409)
    expect(alertText(result.html)).toBe("请检查标出的字段。")
    expect(fieldError(result.html, "email")).toBe("该邮箱已注册")
    expect(result.html).toMatch(/id="email"[^>]*aria-invalid="true"/)

    // Even with the right password: the account exists, so registering again is refused.
    const english = await postForm("/account/register", registration, null, "en")
    expect(english.status).toBe(409)
    expect(fieldError(english.html, "email")).toBe("This email is already registered")
  })

  it("refuses a wrong password with a 401 and a clear message", async () => {
    const result = await postForm("/account/login", { email, password: "Wrong-pass-1" })
    expect(result.status).toBe(401)
    expect(alertText(result.html)).toBe("邮箱或密码不正确")
    expect(result.cookie).toBeNull()
    const unknown = await postForm("/account/login", { email: `nobody-${email}`, password })
    expect(unknown.status).toBe(401)
    expect(alertText(unknown.html)).toBe("邮箱或密码不正确")
  })

  it("logs in, redirecting only to local paths, and logs out", async () => {
    const local = await postForm("/account/login", { email, password, redirectTo: "/account/addresses" })
    expect(local.status).toBe(302)
    expect(local.location).toBe("/account/addresses")
    for (const redirectTo of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const result = await postForm("/account/login", { email, password, redirectTo })
      expect(result.status, redirectTo).toBe(302)
      expect(result.location, redirectTo).toBe("/account")
    }
    const logout = await postForm("/account/logout", {}, local.cookie)
    expect(logout.status).toBe(302)
    expect(logout.location).toBe("/")
    expect((await getPage("/account", logout.cookie)).status).toBe(302)
  })

  it("names a bad postal code (and other address fields) and saves a good address", async () => {
    const address = { intent: "add", name: "李采购", phone: "13800138000", province: "四川省", city: "成都", address_1: "天府大道北段 966 号", postal_code: "61004", country_code: "cn" }
    const bad = await postForm("/account/addresses", address, cookie)
    expect(bad.status).toBe(400)
    expect(fieldError(bad.html, "postal_code")).toBe("邮政编码应为 6 位数字")
    expect(bad.html).toMatch(/id="postal_code"[^>]*aria-invalid="true"/)

    const missing = await postForm("/account/addresses", { ...address, postal_code: "610041", city: " ", country_code: "us" }, cookie)
    expect(missing.status).toBe(400)
    expect(fieldError(missing.html, "city")).toBe("请填写此项")
    expect(missing.html).toContain("目前仅支持中国大陆的地址")

    const good = await postForm("/account/addresses", { ...address, postal_code: "610041" }, cookie)
    expect(good.status).toBe(302)
    expect(good.location).toBe("/account/addresses?added=1")
    const list = await getPage("/account/addresses", cookie)
    expect(list.html).toContain("天府大道北段 966 号")
    const addressId = /name="address_id" value="([^"]+)"/.exec(list.html)?.[1]
    expect(addressId).toBeTruthy()

    const deleted = await postForm("/account/addresses", { intent: "delete", address_id: addressId! }, cookie)
    expect(deleted.status).toBe(302)
    expect((await getPage("/account/addresses", cookie)).html).toContain("还没有保存的收货地址。")

    const anonymous = await postForm("/account/addresses", address)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toBe("/account/login?redirectTo=%2Faccount%2Faddresses")
  })

  describe("orders", () => {
    let other: TestCustomer
    let order: { id: string; display_id: number }

    beforeAll(async () => {
      other = await registerCustomer("account-other")
      ;({ order } = await placeOrder(other))
    })

    it("shows the buyer's own order, with invoice details and timeline", async () => {
      const login = await postForm("/account/login", { email: other.email, password: other.password })
      expect(login.status).toBe(302)
      const list = await getPage("/account/orders", login.cookie)
      expect(list.status).toBe(200)
      expect(list.html).toContain(`#${order.display_id}`)
      const detail = await getPage(`/account/orders/${order.id}`, login.cookie)
      expect(detail.status).toBe(200)
      expect(detail.html).toContain("成都市机关事务管理局")
      expect(detail.html).toMatch(/data-step="placed" data-done="true"/)
      expect(detail.html).toMatch(/data-step="accepted" data-done="false"/)

      // Accepting before delivery: the backend's reason, in the page.
      const early = await postForm(`/account/orders/${order.id}`, { intent: "accept", note: "" }, login.cookie)
      expect(early.status).toBe(400)
      expect(alertText(early.html)).toBe("订单尚未送达，不能验收")
      const tooLong = await postForm(`/account/orders/${order.id}`, { intent: "accept", note: "货".repeat(501) }, login.cookie)
      expect(tooLong.status).toBe(400)
      expect(fieldError(tooLong.html, "note")).toBe("备注不能超过 500 字")
    })

    it("says who reached each step and flags a step past its deadline (逾期)", async () => {
      const login = await postForm("/account/login", { email: other.email, password: other.password })
      const fresh = await getPage(`/account/orders/${order.id}`, login.cookie)
      expect(stepHtml(fresh.html, "placed")).toContain(`经办：${other.email}`)
      expect(fresh.html).not.toContain('data-overdue="true"')
      // Placed five days ago and still unpaid: payment was due after three.
      const client = new Client({ connectionString: testStack().databaseUrl })
      await client.connect()
      try {
        await client.query(`update "order" set created_at = now() - interval '5 days' where id = $1`, [order.id])
      } finally {
        await client.end()
      }
      const late = await getPage(`/account/orders/${order.id}`, login.cookie)
      expect(stepHtml(late.html, "paid")).toContain('data-overdue="true"')
      expect(stepHtml(late.html, "paid")).toContain("已逾期")
      expect(stepHtml(late.html, "paid")).toMatch(/应于 \d{4}年\d{1,2}月\d{1,2}日.* 前完成/)
      expect(stepHtml(late.html, "placed")).not.toContain("已逾期")
    })

    it("answers another customer's order with the 404 page, for reading and for accepting", async () => {
      const page = await getPage(`/account/orders/${order.id}`, cookie)
      expect(page.status).toBe(404)
      expect(page.html).toContain("页面不存在")
      expect(page.html).not.toContain(`#${order.display_id}`)
      const accept = await postForm(`/account/orders/${order.id}`, { intent: "accept", note: "" }, cookie)
      expect(accept.status).toBe(404)
      const list = await getPage("/account/orders", cookie)
      expect(list.html).not.toContain(order.id)
      expect(list.html).toContain("还没有订单。")
      expect((await getPage("/account/orders/not-an-order", cookie)).status).toBe(404)
    })
  })
})
