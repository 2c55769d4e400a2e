import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { chineseFontLoaded, fillCheckoutDetails, screenshot, heading, useBrowserPage } from "../support/browser"
import { testStack } from "../support/stack"

const openPage = useBrowserPage()
let page: Page
beforeAll(() => {
  page = openPage()
})

const storefront = () => testStack().facts.storefront_url
const buyerEmail = `shopper-${Date.now().toString(36)}-${process.pid}@example.cn`



async function addFirstVariantToCart(page: Page) {
  await page.getByRole("button", { name: "加入购物车" }).click()
  await page.waitForURL(/\/cart\?added=/)
}

describe("a visitor shops in the storefront (real browser, real backend)", () => {
  it("home page: Chinese text in the web font, categories and products", async () => {
    const response = await page.goto(storefront())
    expect(response?.status()).toBe(200)
    expect(await page.locator("h1").first().textContent()).toBe("本月新品")
    expect(await page.getByRole("link", { name: "办公用品与设备" }).count()).toBeGreaterThan(0)
    expect(await page.locator(".grid .card").count()).toBeGreaterThanOrEqual(8)
    expect(await chineseFontLoaded(page)).toBe(true)
    await screenshot(page, "home")
  })

  it("browses a category with pagination and sorting", async () => {
    await page.locator(".category-tiles").getByRole("link", { name: "办公用品与设备", exact: true }).click()
    await heading(page, "办公用品与设备")
    const pageInfo = await page.locator(".pagination .page-info").first().textContent()
    expect(pageInfo).toMatch(/^第 1 \/ \d+ 页$/)
    await page.getByLabel("排序").selectOption("price_asc")
    await page.getByRole("button", { name: "应用" }).click()
    // Cards re-render once the new page's data is in; wait until they are in price order.
    await page.waitForFunction(() => {
      const prices = [...document.querySelectorAll(".card-price")].map((e) => Number(e.textContent!.replace(/[^\d.]/g, "")))
      return location.search.includes("sort=price_asc") && prices.length > 1 && prices.every((p, i) => i === 0 || prices[i - 1] <= p)
    })
    await screenshot(page, "listing")
    await page.getByRole("link", { name: "下一页" }).click()
    await page.locator(".pagination .page-info", { hasText: /^第 2 \// }).waitFor()
  })

  it("opens a product: gallery with srcset, specifications, stock, supplier, price in CNY", async () => {
    // A seeded product (gwc-…): other test files add suppliers' listings to the same backend.
    await page.locator('.card-link[href*="/products/gwc-"]').first().click()
    await page.waitForURL(/\/products\//)
    const image = page.locator(".gallery img")
    expect(await image.getAttribute("srcset")).toMatch(/-thumb\.webp 240w, .*-medium\.webp 800w, .*-large\.webp 1600w/)
    expect(await image.getAttribute("width")).toBe("1600")
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await page.locator("table.specs tr").count()).toBeGreaterThanOrEqual(5)
    expect(await page.getByTestId("price").textContent()).toMatch(/^¥[\d,]+\.\d{2}$/)
    expect(await page.getByTestId("stock").textContent()).toMatch(/有货|仅剩|缺货/)
    expect(await page.locator(".supplier-card").textContent()).toContain("供应商")
    await screenshot(page, "product")
    await addFirstVariantToCart(page)
  })

  it("adds a second product and sees both in the cart with totals in CNY including tax", async () => {
    await page.goto(storefront())
    await page.locator('.grid .card-link[href*="/products/gwc-"]').nth(3).click()
    await page.waitForURL(/\/products\//)
    await addFirstVariantToCart(page)
    expect(await page.getByRole("status").textContent()).toBe("已加入购物车")
    expect(await page.getByTestId("cart-line").count()).toBe(2)
    expect(await page.getByTestId("grand-total").textContent()).toMatch(/^¥[\d,]+\.\d{2}$/)
    expect(await page.getByTestId("tax-total").textContent()).not.toBe("¥0.00")
    expect(await page.getByTestId("cart-link").textContent()).toContain("2")
    await screenshot(page, "cart")
  })

  it("changes a quantity and removes a line", async () => {
    const before = await page.getByTestId("grand-total").textContent()
    const firstLine = page.getByTestId("cart-line").first()
    await firstLine.locator('input[name="quantity"]').fill("3")
    await firstLine.getByRole("button", { name: "更新" }).click()
    await page.getByTestId("cart-link").filter({ hasText: "4" }).waitFor()
    expect(await page.getByTestId("grand-total").textContent()).not.toBe(before)
    await page.getByTestId("cart-line").nth(1).getByRole("button", { name: "删除" }).click()
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=cart-line]").length === 1)
    expect(await page.getByTestId("cart-link").textContent()).toContain("3")
  })

  it("switches to English and back", async () => {
    await page.getByRole("button", { name: "语言" }).click()
    await heading(page, "Cart")
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    expect(await page.getByTestId("grand-total").textContent()).toMatch(/^CN¥[\d,]+\.\d{2}$/)
    await page.getByRole("button", { name: "Language" }).click()
    await heading(page, "购物车")
  })

  it("fits a 360 px phone: no sideways scrolling on home, listing, product, cart and checkout", async () => {
    const phone = await page.context().browser()!.newPage({ viewport: { width: 360, height: 740 }, locale: "zh-CN" })
    try {
      await phone.context().addCookies(await page.context().cookies())
      const product = await page.locator(".cart-table a").first().getAttribute("href")
      expect(product).toMatch(/^\/products\//)
      for (const path of ["/", "/categories", "/categories/office-goods", product!, "/cart", "/checkout"]) {
        await phone.goto(`${storefront()}${path}`)
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, path).toBeLessThanOrEqual(0)
      }
      await screenshot(phone, "checkout-phone")
    } finally {
      await phone.close()
    }
  })

  it("registers; the cart comes along to the new account", async () => {
    await page.goto(`${storefront()}/account/register`)
    await heading(page, "注册账户")
    await page.getByLabel("邮箱").fill(buyerEmail)
    await page.getByLabel("密码", { exact: true }).fill("Shopper-pass-1")
    await page.getByLabel("确认密码").fill("Shopper-pass-1")
    await page.getByLabel("姓", { exact: true }).fill("王")
    await page.getByLabel("名", { exact: true }).fill("采购")
    await page.getByRole("button", { name: "注册" }).click()
    await heading(page, "我的账户")
    await page.goto(`${storefront()}/cart`)
    expect(await page.getByTestId("cart-line").count()).toBe(1)
  })

  it("checks out with delivery and invoice details; a wrong tax number is named in the page", async () => {
    await page.getByRole("link", { name: "去结算" }).click()
    await heading(page, "结算")
    // Registered: the checkout knows the buyer's email.
    expect(await page.getByLabel("邮箱").inputValue()).toBe(buyerEmail)
    // A well-formed code whose check character is wrong: the backend's check names the field.
    await fillCheckoutDetails(page, { taxId: "91350100M000100Y44" })
    await screenshot(page, "checkout")
    await page.getByRole("button", { name: "提交订单" }).click()
    await page.locator("#tax_id-error, [role=alert]").first().waitFor()
    await page.locator(".field-error").first().waitFor({ timeout: 5_000 }).catch(() => undefined)
    const problems = await page.locator(".field-error, [role=alert]").allTextContents()
    expect(problems.join(" | ")).toMatch(/校验/)
    expect(await page.locator("#tax_id-error").textContent()).toMatch(/校验/)
    expect(await page.getByLabel("税号（统一社会信用代码）").getAttribute("aria-invalid")).toBe("true")

    await page.getByLabel("税号（统一社会信用代码）").fill("91350100M000100Y43")
    // Uncontrolled inputs keep what was typed after the failed submit; the address is still there.
    expect(await page.getByLabel("详细地址").inputValue()).toBe("锦江区红星路二段 1 号")
    await page.getByRole("button", { name: "提交订单" }).click()
    await heading(page, "订单已提交")
    expect(await page.getByTestId("order-number").textContent()).toMatch(/订单号 #\d+/)
    await screenshot(page, "order-confirmed")
    // The cart is done with; the badge is gone.
    expect(await page.getByTestId("cart-link").textContent()).toBe("购物车")
  })

  it("finds the order with its progress timeline in the account", async () => {
    const orderNumber = /#(\d+)/.exec((await page.getByTestId("order-number").textContent()) ?? "")?.[1]
    expect(orderNumber).toBeTruthy()
    await page.getByTestId("account-link").click()
    await heading(page, "我的账户")
    await page.goto(`${storefront()}/account/orders`)
    const row = page.getByTestId("order-row").filter({ hasText: `#${orderNumber}` })
    expect(await row.count()).toBe(1)
    await row.getByRole("link", { name: `查看订单 #${orderNumber}` }).click()
    await heading(page, `订单 #${orderNumber}`)
    const step = (key: string) => page.locator(`ol.timeline li[data-step="${key}"]`)
    expect(await step("placed").getAttribute("data-done")).toBe("true")
    for (const key of ["paid", "shipped", "delivered", "accepted"]) {
      expect(await step(key).getAttribute("data-done"), key).toBe("false")
    }
    expect(await page.getByTestId("order-item").count()).toBe(1)
    expect(await page.getByTestId("order-invoice").textContent()).toContain("成都市机关事务管理局")
    await screenshot(page, "order-timeline")
  })

  it("shows a 404 page for unknown products", async () => {
    const response = await page.goto(`${storefront()}/products/no-such-product`)
    expect(response?.status()).toBe(404)
    expect(await page.locator("h1").textContent()).toBe("页面不存在")
  })
})
