import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fillCheckoutDetails, heading, screenshot, useBrowserPage } from "../support/browser"
import { admin, store } from "../support/http"
import { cnyRegionId, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import {
  BANK_TRANSFER,
  OFFICIAL_CARD,
  PAY_ON_ACCEPTANCE,
  PUBLIC_BUYERS_GROUP,
  REFERENCE_FORMAT,
  setGroupMembership,
  SYSTEM_PROVIDER,
} from "../support/payments"
import { testStack } from "../support/stack"

// Choosing how to pay at checkout in the storefront (real browser, real backend): which methods a
// buyer sees (customer groups, plugins/payments), bank transfer's reference and account on the
// confirmation, the official card's checks (in the page, then the backend's 400 without
// JavaScript), keyboard-only choice, and a refusal (403) shown in the page.

const openPage = useBrowserPage()
let page: Page
const contexts: BrowserContext[] = []
beforeAll(() => {
  page = openPage()
})
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
})

const storefront = () => testStack().facts.storefront_url
const OFFLINE = [BANK_TRANSFER, OFFICIAL_CARD, PAY_ON_ACCEPTANCE]

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await page.context().browser()!.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", ...options })
  contexts.push(context)
  return context.newPage()
}

let productHandle: string | undefined
/** A seeded goods product whose variants are all in stock (so the product page preselects one). */
async function goodsProductHandle(): Promise<string> {
  if (productHandle) return productHandle
  const response = await store("/store/products?limit=50&fields=handle,metadata,*variants,+variants.inventory_quantity")
  expect(response.status).toBe(200)
  for (const product of response.body.products) {
    if (product.metadata?.offer_kind !== "goods") continue
    if (product.variants.length && product.variants.every((v: { inventory_quantity?: number }) => (v.inventory_quantity ?? 0) >= 20)) {
      productHandle = product.handle as string
      return productHandle
    }
  }
  throw new Error("no goods product with stock")
}

async function logIn(page: Page, customer: TestCustomer) {
  await page.goto(`${storefront()}/account/login`)
  await page.getByLabel("邮箱").fill(customer.email)
  await page.getByLabel("密码").fill(customer.password)
  await page.getByRole("button", { name: "登录" }).click()
  await page.waitForURL(/\/account$/)
}

/** One item in the cart, then the checkout page. */
async function toCheckout(page: Page) {
  await page.goto(`${storefront()}/products/${await goodsProductHandle()}`)
  await page.getByRole("button", { name: "加入购物车" }).click()
  await page.waitForURL(/\/cart\?added=/, { timeout: 15_000 }).catch(async (error) => {
    await screenshot(page, "payment-add-to-cart-failed")
    throw new Error(`adding to the cart failed: ${await page.locator("[role=alert], .form-error").allTextContents()} (${error})`)
  })
  await page.goto(`${storefront()}/checkout`)
  await heading(page, "结算")
}

/** The payment methods the checkout offers (the radio values). */
async function offeredMethods(page: Page): Promise<string[]> {
  return page.locator('input[type=radio][name="payment"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
}

async function orderCount(customer: TestCustomer): Promise<number> {
  const response = await storeAs(customer, "/store/orders?fields=id&limit=100")
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.orders.length
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: string, what: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${matches}) })()`)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

describe("choosing how to pay at checkout (real browser, real backend)", () => {
  let buyer: TestCustomer
  let buyerPage: Page

  beforeAll(async () => {
    buyer = await registerCustomer("pay-browser")
    await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
    buyerPage = await newPage()
    await logIn(buyerPage, buyer)
  })

  it("an ordinary customer sees no offline methods, only the normal ones", async () => {
    const ordinary = await registerCustomer("pay-ordinary")
    const p = await newPage()
    await logIn(p, ordinary)
    await toCheckout(p)
    const methods = await offeredMethods(p)
    expect(methods).toContain(SYSTEM_PROVIDER)
    for (const id of OFFLINE) expect(methods).not.toContain(id)
    expect(await p.getByRole("radio", { name: "线下支付（到账后确认）" }).isChecked()).toBe(true)
    expect(await p.getByLabel("授权码（6 位字母或数字）").count()).toBe(0)
    await screenshot(p, "payment-ordinary")
  })

  it("a public buyer pays by bank transfer: the confirmation shows the reference, account, amount and due date", async () => {
    await toCheckout(buyerPage)
    const methods = await offeredMethods(buyerPage)
    expect(methods).toEqual(expect.arrayContaining([BANK_TRANSFER, OFFICIAL_CARD, SYSTEM_PROVIDER]))
    expect(methods).not.toContain(PAY_ON_ACCEPTANCE)
    // Labelled in Chinese, bank transfer first and preselected, its terms explained.
    const bank = buyerPage.getByRole("radio", { name: "对公转账" })
    expect(await bank.isChecked()).toBe(true)
    expect(await buyerPage.locator(`[data-method="${BANK_TRANSFER}"]`).textContent()).toMatch(/7 天内.*附言中填写付款编号/)
    await fillCheckoutDetails(buyerPage)
    await screenshot(buyerPage, "payment-checkout-public-buyer")
    await buyerPage.getByRole("button", { name: "提交订单" }).click()
    await heading(buyerPage, "订单已提交")

    const reference = (await buyerPage.getByTestId("payment-reference").textContent())!.trim()
    expect(reference).toMatch(REFERENCE_FORMAT)
    expect(await buyerPage.getByRole("heading", { name: "请通过对公转账付款" }).count()).toBe(1)
    expect(await buyerPage.getByTestId("bank-account-name").textContent()).toMatch(/\S/)
    expect(await buyerPage.getByTestId("bank-name").textContent()).toMatch(/银行/)
    expect(await buyerPage.getByTestId("bank-account-number").textContent()).toMatch(/\d{4}/)
    const total = await buyerPage.locator(".confirmed strong").first().textContent()
    expect(total).toMatch(/^¥[\d,]+\.\d{2}$/)
    expect(await buyerPage.getByTestId("transfer-amount").textContent()).toBe(total)
    expect(await buyerPage.getByTestId("transfer-due").textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(await buyerPage.getByTestId("remark-instruction").textContent()).toContain(`附言`)
    expect(await buyerPage.getByTestId("remark-instruction").textContent()).toContain(reference)

    // The copy button puts the reference on the clipboard.
    await buyerPage.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: storefront() })
    await buyerPage.getByRole("button", { name: "复制付款编号" }).click()
    await buyerPage.getByRole("status").filter({ hasText: "已复制付款编号" }).waitFor()
    expect(await buyerPage.evaluate(() => navigator.clipboard.readText())).toBe(reference)
    await screenshot(buyerPage, "payment-bank-transfer-confirmed")

    // The buyer's order page shows the same.
    const orderNumber = /#(\d+)/.exec((await buyerPage.getByTestId("order-number").textContent()) ?? "")![1]
    await buyerPage.goto(`${storefront()}/account/orders`)
    await buyerPage.getByRole("link", { name: `查看订单 #${orderNumber}` }).click()
    await heading(buyerPage, `订单 #${orderNumber}`)
    expect(await buyerPage.getByTestId("payment-reference").textContent()).toBe(reference)
    expect(await buyerPage.getByTestId("bank-account-number").textContent()).toMatch(/\d{4}/)
  })

  it("keyboard only: arrow keys choose the official card, its fields follow, Enter places the order", async () => {
    await toCheckout(buyerPage)
    await fillCheckoutDetails(buyerPage)
    await buyerPage.getByLabel("税号（统一社会信用代码）").focus()
    await tabTo(buyerPage, `el.name === "payment"`, "the payment methods")
    expect(await buyerPage.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(BANK_TRANSFER)
    // A visible focus ring around the focused option.
    const ring = await buyerPage.evaluate(() => getComputedStyle(document.activeElement!.closest(".payment-option")!).outlineStyle)
    expect(ring).not.toBe("none")
    expect(await buyerPage.getByTestId("card-details").isVisible()).toBe(false)

    await buyerPage.keyboard.press("ArrowDown")
    expect(await buyerPage.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(OFFICIAL_CARD)
    expect(await buyerPage.getByRole("radio", { name: "公务卡" }).isChecked()).toBe(true)
    await buyerPage.getByTestId("card-details").waitFor({ state: "visible" })
    // Large touch targets: every option at least 44 px high.
    const heights = await buyerPage.locator(".payment-option").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44)

    await buyerPage.keyboard.press("Tab")
    expect(await buyerPage.evaluate(() => document.activeElement?.id)).toBe("card_holder_name")
    await buyerPage.keyboard.type("王晓明")
    await buyerPage.keyboard.press("Tab")
    await buyerPage.keyboard.type("6688")
    await buyerPage.keyboard.press("Tab")
    await buyerPage.keyboard.type("a1b2c3")
    await screenshot(buyerPage, "payment-keyboard-official-card")
    await tabTo(buyerPage, `el.textContent.trim() === "提交订单"`, "the place-order button")
    await buyerPage.keyboard.press("Enter")
    await heading(buyerPage, "订单已提交")
    expect(await buyerPage.getByTestId("official-card").textContent()).toContain("持卡人 王晓明，卡号末四位 6688")
  })

  it("official card: bad details are caught in the page; without JavaScript the backend's 400 shows at the field and no order is made; good ones place it", async () => {
    const before = await orderCount(buyer)
    await toCheckout(buyerPage)
    await fillCheckoutDetails(buyerPage)
    await buyerPage.getByRole("radio", { name: "公务卡" }).check()
    await buyerPage.getByLabel("持卡人姓名").fill("王晓明")
    await buyerPage.getByLabel("卡号末四位").fill("668")
    await buyerPage.getByLabel("授权码（6 位字母或数字）").fill("A1B2C")
    await buyerPage.getByRole("button", { name: "提交订单" }).click()
    await buyerPage.locator("#card_auth_code-error").waitFor()
    expect(await buyerPage.locator("#card_auth_code-error").textContent()).toBe("授权码须为 6 位字母或数字")
    expect(await buyerPage.locator("#card_last4-error").textContent()).toBe("卡号末四位须为 4 位数字")
    expect(await buyerPage.getByLabel("卡号末四位").getAttribute("aria-invalid")).toBe("true")
    expect(await buyerPage.evaluate(() => document.activeElement?.id)).toBe("card_last4")
    expect(new URL(buyerPage.url()).pathname).toBe("/checkout")
    expect(await orderCount(buyer)).toBe(before)

    // The same cart without JavaScript: nothing checks in the page, the backend refuses at completion.
    const noJs = await newPage({ javaScriptEnabled: false })
    await noJs.context().addCookies(await buyerPage.context().cookies())
    await noJs.goto(`${storefront()}/checkout`)
    await heading(noJs, "结算")
    await fillCheckoutDetails(noJs)
    await noJs.getByRole("radio", { name: "公务卡" }).check()
    await noJs.getByLabel("持卡人姓名").fill("王晓明")
    await noJs.getByLabel("卡号末四位").fill("6688")
    await noJs.getByLabel("授权码（6 位字母或数字）").fill("A1-B2C")
    await noJs.getByRole("button", { name: "提交订单" }).click()
    await noJs.locator("#card_auth_code-error").waitFor()
    expect(await noJs.locator("#card_auth_code-error").textContent()).toBe("授权码须为 6 位字母或数字")
    expect(await noJs.getByRole("alert").first().textContent()).toContain("公务卡信息有误，订单未提交")
    expect(await noJs.locator("h1").textContent()).toBe("结算")
    expect(await orderCount(buyer)).toBe(before)
    // What was typed is still there; the method stays chosen.
    expect(await noJs.getByLabel("详细地址").inputValue()).toBe("锦江区红星路二段 1 号")
    expect(await noJs.getByRole("radio", { name: "公务卡" }).isChecked()).toBe(true)
    await screenshot(noJs, "payment-official-card-refused")

    await noJs.getByLabel("授权码（6 位字母或数字）").fill("A1B2C3")
    await noJs.getByRole("button", { name: "提交订单" }).click()
    await heading(noJs, "订单已提交")
    expect(await noJs.getByTestId("official-card").textContent()).toContain("卡号末四位 6688")
    expect(await orderCount(buyer)).toBe(before + 1)
  })

  it("a buyer removed from the group after opening the checkout gets the refusal in the page, and no order", async () => {
    const other = await registerCustomer("pay-removed")
    await setGroupMembership(other, PUBLIC_BUYERS_GROUP, true)
    const p = await newPage()
    await logIn(p, other)
    await toCheckout(p)
    expect(await p.getByRole("radio", { name: "对公转账" }).isChecked()).toBe(true)
    await fillCheckoutDetails(p)
    await setGroupMembership(other, PUBLIC_BUYERS_GROUP, false)
    await p.getByRole("button", { name: "提交订单" }).click()
    await p.getByTestId("payment-error").waitFor()
    expect(await p.getByTestId("payment-error").textContent()).toMatch(/您的账户未开通对公转账/)
    expect(await p.locator("h1").textContent()).toBe("结算")
    expect(await orderCount(other)).toBe(0)
    await screenshot(p, "payment-refused")
    // Reloaded, the checkout no longer offers it.
    await p.goto(`${storefront()}/checkout`)
    expect(await offeredMethods(p)).not.toContain(BANK_TRANSFER)
  })

  it("in English the methods and the instructions are in English", async () => {
    const p = await newPage()
    await p.context().addCookies(await buyerPage.context().cookies())
    await toCheckout(p)
    await p.getByRole("button", { name: "语言" }).click()
    await heading(p, "Checkout")
    expect(await p.getByRole("radio", { name: "Bank transfer" }).count()).toBe(1)
    expect(await p.getByRole("radio", { name: "Official card" }).count()).toBe(1)
    await p.getByRole("button", { name: "Language" }).click()
    await heading(p, "结算")
  })
})

describe("Alipay and WeChat Pay through Stripe (the test stack's fake Stripe API), when the region offers them", () => {
  const ALIPAY = "pp_stripe-alipay_stripe"
  const WECHAT_PAY = "pp_stripe-wechatpay_stripe"
  let regionId = ""
  let seeded: string[] = []

  beforeAll(async () => {
    regionId = await cnyRegionId()
    const region = await admin(`/admin/regions/${regionId}?fields=id,*payment_providers`)
    expect(region.status, JSON.stringify(region.body)).toBe(200)
    seeded = region.body.region.payment_providers.map((p: { id: string }) => p.id)
    const updated = await admin(`/admin/regions/${regionId}`, {
      method: "POST",
      body: JSON.stringify({ payment_providers: [...new Set([...seeded, ALIPAY, WECHAT_PAY])] }),
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
  })
  afterAll(async () => {
    if (regionId) await admin(`/admin/regions/${regionId}`, { method: "POST", body: JSON.stringify({ payment_providers: seeded }) })
  })

  it("WeChat Pay: the QR code is drawn in the page; placing the order before paying says so, without an order", async () => {
    const guest = await newPage()
    await toCheckout(guest)
    expect(await offeredMethods(guest)).toEqual(expect.arrayContaining([ALIPAY, WECHAT_PAY, SYSTEM_PROVIDER]))
    await guest.getByLabel("邮箱").fill(`wechat-${Date.now().toString(36)}@example.cn`)
    await fillCheckoutDetails(guest)
    await guest.getByRole("radio", { name: "微信支付" }).check()
    await guest.getByRole("button", { name: "提交订单" }).click()
    await heading(guest, "完成支付")
    const qr = guest.getByRole("img", { name: "微信支付二维码" })
    await qr.waitFor()
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await screenshot(guest, "payment-wechat-qr")
    await guest.getByRole("button", { name: "我已付款，提交订单" }).click()
    await guest.getByRole("alert").filter({ hasText: "尚未收到付款" }).waitFor()
    expect(await guest.locator("h1").textContent()).toBe("完成支付")
  })

  it("Alipay: the buyer follows the link, pays, comes back and places the order", async () => {
    const guest = await newPage()
    await toCheckout(guest)
    await guest.getByLabel("邮箱").fill(`alipay-${Date.now().toString(36)}@example.cn`)
    await fillCheckoutDetails(guest)
    await guest.getByRole("radio", { name: "支付宝" }).check()
    await guest.getByRole("button", { name: "提交订单" }).click()
    await heading(guest, "完成支付")
    const link = guest.getByRole("link", { name: "前往支付宝付款" })
    expect(await link.getAttribute("href")).toMatch(/\/_fake\/next_action\/pi_/)
    await link.click()
    // The fake's stand-in for Alipay's page; paying sends the buyer back (303 to the return_url).
    await guest.getByRole("button", { name: "Complete" }).click()
    await guest.waitForURL(/\/checkout\/pay\?returned=1/)
    expect(await guest.locator(".notice").textContent()).toContain("您已从支付宝返回")
    await guest.getByRole("button", { name: "我已付款，提交订单" }).click()
    await heading(guest, "订单已提交")
    expect(await guest.getByTestId("payment-method").textContent()).toContain("支付宝")
  })
})
