import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { fillCheckoutDetails, screenshot, heading, useBrowserPage } from "../support/browser"
import { store } from "../support/http"
import { adminFulfil } from "../support/orders"
import { testStack } from "../support/stack"

const openPage = useBrowserPage()
let page: Page
beforeAll(() => {
  page = openPage()
})

// A buyer's account in the storefront: register, log out and in, addresses, an order placed
// while logged in, its timeline, and acceptance (验收) once the operator has delivered it.

const storefront = () => testStack().facts.storefront_url
const email = `account-browser-${Date.now().toString(36)}-${process.pid}@example.cn`
const password = "Buyer-pass-1"
let orderId = ""
let orderNumber = ""



/** A seeded goods product whose first variant is in stock (so the product page preselects it). */
async function goodsProductHandle(): Promise<string> {
  const response = await store("/store/products?limit=50&fields=handle,metadata,*variants,+variants.inventory_quantity")
  expect(response.status).toBe(200)
  for (const product of response.body.products) {
    if (product.metadata?.offer_kind !== "goods") continue
    if (product.variants.length && product.variants.every((v: { inventory_quantity?: number }) => (v.inventory_quantity ?? 0) >= 5)) {
      return product.handle
    }
  }
  throw new Error("no goods product with stock")
}

const step = (key: string) => page.locator(`ol.timeline li[data-step="${key}"]`)

describe("a buyer's account (real browser, real backend)", () => {
  it("registers: a mismatched confirmation is named first, then the account is created", async () => {
    await page.goto(`${storefront()}/account/register`)
    await heading(page, "注册账户")
    await page.getByLabel("邮箱").fill(email)
    await page.getByLabel("密码", { exact: true }).fill(password)
    await page.getByLabel("确认密码").fill(`${password}-typo`)
    await page.getByLabel("姓", { exact: true }).fill("王")
    await page.getByLabel("名", { exact: true }).fill("晓明")
    await page.getByLabel("手机号（选填）").fill("13800138000")
    await page.getByRole("button", { name: "注册" }).click()
    await page.locator("#confirm-error").waitFor()
    expect(await page.locator("#confirm-error").textContent()).toBe("两次输入的密码不一致")
    expect(await page.getByLabel("确认密码").getAttribute("aria-invalid")).toBe("true")
    expect(await page.getByRole("alert").textContent()).toBe("请检查标出的字段。")
    // What was typed stays (the passwords are typed again).
    expect(await page.getByLabel("邮箱").inputValue()).toBe(email)

    await page.getByLabel("密码", { exact: true }).fill(password)
    await page.getByLabel("确认密码").fill(password)
    await page.getByRole("button", { name: "注册" }).click()
    await page.waitForURL(/\/account$/)
    await heading(page, "我的账户")
    expect(await page.getByTestId("account-welcome").textContent()).toBe("欢迎，王晓明")
    expect(await page.getByTestId("account-email").textContent()).toBe(email)
    expect(await page.getByTestId("account-link").textContent()).toBe("我的账户")
  })

  it("logs out and back in (a wrong password is refused first)", async () => {
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(`${storefront()}/`)
    await page.getByTestId("account-link").filter({ hasText: /^登录$/ }).waitFor()

    // Behind the login: the account page sends the visitor to log in and back.
    await page.goto(`${storefront()}/account/orders`)
    await page.waitForURL(/\/account\/login\?redirectTo=%2Faccount%2Forders$/)
    await heading(page, "登录")
    await page.getByLabel("邮箱").fill(email)
    await page.getByLabel("密码").fill("not-the-password")
    await page.getByRole("button", { name: "登录" }).click()
    await page.getByRole("alert").filter({ hasText: "邮箱或密码不正确" }).waitFor()

    await page.getByLabel("密码").fill(password)
    await page.getByRole("button", { name: "登录" }).click()
    await page.waitForURL(/\/account\/orders$/)
    await heading(page, "我的订单")
    expect(await page.getByTestId("no-orders").textContent()).toContain("还没有订单。")
  })

  it("adds an address (a bad postal code is named first)", async () => {
    await page.getByRole("navigation", { name: "账户导航" }).getByRole("link", { name: "收货地址" }).click()
    await heading(page, "收货地址")
    expect(await page.locator(".empty").textContent()).toBe("还没有保存的收货地址。")
    await page.getByLabel("收货人").fill("王晓明")
    await page.getByLabel("手机号").fill("13800138000")
    await page.getByLabel("省份").fill("四川省")
    await page.getByLabel("城市").fill("成都")
    await page.getByLabel("详细地址").fill("锦江区红星路二段 1 号")
    await page.getByLabel("邮政编码").fill("61001")
    await page.getByRole("button", { name: "保存地址" }).click()
    await page.locator("#postal_code-error").waitFor()
    expect(await page.locator("#postal_code-error").textContent()).toBe("邮政编码应为 6 位数字")
    expect(await page.getByLabel("邮政编码").getAttribute("aria-invalid")).toBe("true")

    await page.getByLabel("邮政编码").fill("610017")
    await page.getByRole("button", { name: "保存地址" }).click()
    await page.getByRole("status").filter({ hasText: "收货地址已保存。" }).waitFor()
    expect(await page.getByTestId("address").count()).toBe(1)
    expect(await page.getByTestId("address").textContent()).toContain("四川省成都锦江区红星路二段 1 号")
  })

  it("sees an empty order list", async () => {
    await page.getByRole("navigation", { name: "账户导航" }).getByRole("link", { name: "我的订单" }).click()
    await heading(page, "我的订单")
    expect(await page.getByTestId("no-orders").textContent()).toContain("还没有订单。")
    expect(await page.getByTestId("order-row").count()).toBe(0)
  })

  it("places an order while logged in: checkout knows the buyer", async () => {
    await page.goto(`${storefront()}/products/${await goodsProductHandle()}`)
    await page.getByRole("button", { name: "加入购物车" }).click()
    await page.waitForURL(/\/cart\?added=/)
    await page.getByRole("link", { name: "去结算" }).click()
    await heading(page, "结算")
    expect(await page.getByLabel("邮箱").inputValue()).toBe(email)
    expect(await page.getByLabel("收货人").inputValue()).toBe("王晓明")
    await fillCheckoutDetails(page, { recipient: null })
    await page.getByRole("button", { name: "提交订单" }).click()
    await heading(page, "订单已提交")
    orderNumber = /#(\d+)/.exec((await page.getByTestId("order-number").textContent()) ?? "")?.[1] ?? ""
    expect(orderNumber).toMatch(/^\d+$/)
  })

  it("finds the order in the account and opens its timeline: placed done, acceptance pending", async () => {
    await page.goto(`${storefront()}/account/orders`)
    await heading(page, "我的订单")
    const row = page.getByTestId("order-row").filter({ hasText: `#${orderNumber}` })
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toMatch(/¥[\d,]+\.\d{2}/)
    expect(await row.getByTestId("order-status").textContent()).toBe("已下单")
    await screenshot(page, "account-orders")

    await row.getByRole("link", { name: `查看订单 #${orderNumber}` }).click()
    await page.waitForURL(/\/account\/orders\/order_/)
    orderId = new URL(page.url()).pathname.split("/").pop()!
    await heading(page, `订单 #${orderNumber}`)
    expect(await page.locator("ol.timeline li").count()).toBe(5)
    expect(await step("placed").getAttribute("data-done")).toBe("true")
    expect(await step("placed").textContent()).toContain("已下单")
    expect(await step("placed").textContent()).toContain("已完成")
    expect(await step("placed").locator("time").textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    expect(await step("accepted").getAttribute("data-done")).toBe("false")
    expect(await step("accepted").textContent()).toContain("验收")
    expect(await step("accepted").textContent()).toContain("未完成")
    expect(await page.getByRole("button", { name: "确认验收" }).count()).toBe(0)
    expect(await page.getByTestId("order-invoice").textContent()).toContain("成都市机关事务管理局")
    expect(await page.getByTestId("order-address").textContent()).toContain("锦江区红星路二段 1 号")
    expect(await page.getByTestId("order-item").count()).toBe(1)
  })

  it("confirms acceptance once the operator has paid, shipped and delivered the order", async () => {
    await adminFulfil(orderId, "delivered")
    await page.reload()
    await heading(page, `订单 #${orderNumber}`)
    for (const key of ["placed", "paid", "shipped", "delivered"]) expect(await step(key).getAttribute("data-done"), key).toBe("true")
    expect(await step("accepted").getAttribute("data-done")).toBe("false")

    await page.getByLabel("验收备注（选填，最多 500 字）").fill("货物完好，数量无误")
    await page.getByRole("button", { name: "确认验收" }).click()
    await page.getByRole("status").filter({ hasText: "已确认验收" }).waitFor()
    expect(await step("accepted").getAttribute("data-done")).toBe("true")
    expect(await step("accepted").textContent()).toContain("已完成")
    expect(await step("accepted").locator("time").count()).toBe(1)
    expect(await page.getByRole("button", { name: "确认验收" }).count()).toBe(0)
    expect(await page.locator(".order-detail").textContent()).toContain("货物完好，数量无误")
    await screenshot(page, "account-order-detail")

    await page.goto(`${storefront()}/account/orders`)
    expect(await page.getByTestId("order-row").filter({ hasText: `#${orderNumber}` }).getByTestId("order-status").textContent()).toBe("已验收")
  })

  it("fits a 360 px phone and reads in English", async () => {
    const phone = await page.context().browser()!.newPage({ viewport: { width: 360, height: 740 }, locale: "zh-CN" })
    try {
      await phone.context().addCookies(await page.context().cookies())
      for (const path of ["/account", "/account/orders", `/account/orders/${orderId}`, "/account/addresses"]) {
        await phone.goto(`${storefront()}${path}`)
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, path).toBeLessThanOrEqual(0)
      }
      await phone.getByRole("button", { name: "语言" }).click()
      await phone.locator("h1", { hasText: /^Addresses$/ }).waitFor()
      await phone.goto(`${storefront()}/account/orders/${orderId}`)
      await phone.locator("h1", { hasText: new RegExp(`^Order #${orderNumber}$`) }).waitFor()
      expect(await phone.locator('ol.timeline li[data-step="accepted"]').textContent()).toContain("Accepted")
    } finally {
      await phone.close()
    }
  })

  it("answers someone else's (or a made-up) order with the 404 page", async () => {
    const response = await page.goto(`${storefront()}/account/orders/order_01JZZZZZZZZZZZZZZZZZZZZZZZ`)
    expect(response?.status()).toBe(404)
    expect(await page.locator("h1").textContent()).toBe("页面不存在")
  })
})
