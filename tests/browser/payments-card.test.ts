import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fillCheckoutDetails, heading, screenshot, useBrowserPage } from "../support/browser"
import { fakeStripeClient, TEST_CARDS } from "../support/fake-stripe"
import { serveFakeStripeJs } from "../support/fake-stripe-js"
import { admin, store } from "../support/http"
import { cnyRegionId, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import { orderPayment, SYSTEM_PROVIDER } from "../support/payments"
import { testStack } from "../support/stack"

// Paying by card at the storefront's checkout (real browser, real storefront and backend): the
// checkout creates the PaymentIntent (pp_stripe_stripe), the pay step takes the card in Stripe.js
// and confirms it — 3-D Secure included — and only then is the order placed. Stripe's servers and
// js.stripe.com are unreachable here: the backend talks to the FAKE Stripe API
// (tests/support/fake-stripe.ts) and the page's Stripe.js is the FAKE of
// tests/support/fake-stripe-js.ts, served where the page loads js.stripe.com from, which calls
// that same fake API with the publishable key, as Stripe.js calls Stripe's.

const CARD = "pp_stripe_stripe"
const CARD_NAME = "银行卡（Visa / Mastercard 等）"
const THREE_DS_DIALOG = /3-D Secure/

const openPage = useBrowserPage()
let browserPage: Page
const contexts: BrowserContext[] = []
const storefront = () => testStack().facts.storefront_url
const stripe = () => fakeStripeClient(testStack().env)
const fen = (yuan: number) => Math.round(yuan * 100)

// The operator enables card payments in the China region (as the README says); restored afterwards.
let regionId = ""
let seededProviders: string[] = []

beforeAll(async () => {
  browserPage = openPage()
  regionId = await cnyRegionId()
  const region = await admin(`/admin/regions/${regionId}?fields=id,*payment_providers`)
  expect(region.status, JSON.stringify(region.body)).toBe(200)
  seededProviders = region.body.region.payment_providers.map((p: { id: string }) => p.id)
  const enabled = await admin(`/admin/regions/${regionId}`, {
    method: "POST",
    body: JSON.stringify({ payment_providers: [...new Set([...seededProviders, CARD])] }),
  })
  expect(enabled.status, JSON.stringify(enabled.body)).toBe(200)
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  if (regionId) await admin(`/admin/regions/${regionId}`, { method: "POST", body: JSON.stringify({ payment_providers: seededProviders }) })
})

interface Buyer {
  customer: TestCustomer
  page: Page
  /** The Stripe.js URLs the page loaded (served by the fake). */
  stripeJs: string[]
}

/** A new registered buyer, logged in, in a browser context whose Stripe.js is the fake. */
async function newBuyer(label: string): Promise<Buyer> {
  const context = await browserPage.context().browser()!.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" })
  contexts.push(context)
  const stripeJs = await serveFakeStripeJs(context, { apiUrl: stripe().url })
  const page = await context.newPage()
  const customer = await registerCustomer(label)
  await page.goto(`${storefront()}/account/login`)
  await page.getByLabel("邮箱").fill(customer.email)
  await page.getByLabel("密码").fill(customer.password)
  await page.getByRole("button", { name: "登录" }).click()
  await page.waitForURL(/\/account$/)
  return { customer, page, stripeJs }
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

/** One item in the cart, then the checkout with the details filled in. */
async function toCheckout(page: Page) {
  await page.goto(`${storefront()}/products/${await goodsProductHandle()}`)
  await page.getByRole("button", { name: "加入购物车" }).click()
  await page.waitForURL(/\/cart\?added=/, { timeout: 15_000 })
  await page.goto(`${storefront()}/checkout`)
  await heading(page, "结算")
  await fillCheckoutDetails(page)
}

/** Chooses the card at checkout and places the order: the pay step, its card field ready; returns the amount due. */
async function toCardPayStep(page: Page): Promise<string> {
  await page.getByRole("radio", { name: CARD_NAME }).check()
  await page.getByRole("button", { name: "提交订单" }).click()
  return payStepAmount(page)
}

/** On the pay step, once the card field is ready: the amount due it shows (with delivery). */
async function payStepAmount(page: Page): Promise<string> {
  await heading(page, "完成支付")
  await cardInput(page).waitFor()
  return (await page.locator(".pay-page p strong").first().textContent())!.trim()
}

const cardInput = (page: Page) => page.getByTestId("card-element").locator('input[data-fake-stripe="card"]')
const payButton = (page: Page) => page.getByRole("button", { name: /^支付 ¥/ })

async function payWith(page: Page, card: string) {
  await cardInput(page).fill(card)
  await payButton(page).click()
}

/** The PaymentIntent the page confirmed last (Stripe.js's confirm, with the publishable key). */
async function lastConfirmedIntent(): Promise<string> {
  const confirms = await stripe().requests((r) => r.auth === "publishable" && /^\/v1\/payment_intents\/pi_[^/]+\/confirm$/.test(r.path))
  expect(confirms.length).toBeGreaterThan(0)
  return confirms.at(-1)!.path.split("/")[3]
}

async function orderCount(customer: TestCustomer): Promise<number> {
  const response = await storeAs(customer, "/store/orders?fields=id&limit=100")
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.orders.length
}

/** The order on the confirmation page, checked to be paid by card with the intent, authorised at Stripe. */
async function expectCardOrder(page: Page, total: string, intentId: string) {
  await heading(page, "订单已提交")
  const orderId = /\/orders\/([^/]+)\/confirmed/.exec(page.url())![1]
  expect(await page.getByTestId("payment-method").textContent()).toContain("银行卡")
  const payment = await orderPayment(orderId)
  expect(payment).toMatchObject({ provider_id: CARD, captured_at: null })
  expect(payment.data.id).toBe(intentId)
  const intent = await stripe().intent(intentId)
  // Authorised now (manual capture), for the operator to capture on shipping.
  expect(intent).toMatchObject({ status: "requires_capture", amount_capturable: fen(Number(total.replace(/[^\d.]/g, ""))), currency: "cny" })
  return { orderId, intent }
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: string, what: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${matches}) })()`)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

describe("card payments with Stripe Elements at checkout (real browser, fake Stripe.js and Stripe API)", () => {
  it("a card pays: Stripe.js is loaded on the pay step only, shows progress while confirming, and the order is placed with the payment authorised", async () => {
    const { customer, page, stripeJs } = await newBuyer("card-visa")
    await toCheckout(page)
    expect(await page.locator('input[type=radio][name="payment"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain(CARD)
    expect(stripeJs).toEqual([])
    const total = await toCardPayStep(page)
    // Stripe.js came from js.stripe.com (the official loader), and the amount is the cart's.
    expect(stripeJs).toHaveLength(1)
    expect(stripeJs[0]).toMatch(/^https:\/\/js\.stripe\.com\/[a-z0-9]+\/stripe\.js/)
    expect(total).toMatch(/^¥[\d,]+\.\d{2}$/)
    expect(await page.locator(".pay-page").textContent()).toContain(`应付金额: ${total}`)
    expect(await payButton(page).textContent()).toBe(`支付 ${total}`)

    // Hold Stripe's answer to see the page while it confirms.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/v1\/payment_intents\/pi_[^/]+\/confirm$/, async (route) => {
      await held
      await route.continue()
    })
    await payWith(page, TEST_CARDS.visa)
    const status = page.getByTestId("card-payment-status")
    await status.filter({ hasText: "正在确认付款" }).waitFor()
    expect(await status.getAttribute("aria-live")).toBe("polite")
    expect(await payButton(page).isDisabled()).toBe(true)
    await screenshot(page, "payment-card-confirming")
    release()

    await heading(page, "订单已提交")
    const { intent } = await expectCardOrder(page, total, await lastConfirmedIntent())
    expect(intent.payment_method).toBe(TEST_CARDS.visa)
    expect(await orderCount(customer)).toBe(1)
    // The card went to Stripe from the browser (publishable key + client_secret), never through us.
    const confirms = await stripe().requests((r) => r.path === `/v1/payment_intents/${intent.id}/confirm`)
    expect(confirms).toEqual([expect.objectContaining({ auth: "publishable", status: 200 })])
    expect(confirms[0].params).toMatchObject({ client_secret: intent.client_secret, payment_method: TEST_CARDS.visa })
    await screenshot(page, "payment-card-confirmed")
  })

  it("3-D Secure passed: the bank's challenge opens, no order until it is passed, then the order is placed", async () => {
    const { customer, page } = await newBuyer("card-3ds")
    await toCheckout(page)
    const total = await toCardPayStep(page)
    await payWith(page, TEST_CARDS.threeDSecure)
    const dialog = page.getByRole("dialog", { name: THREE_DS_DIALOG })
    await dialog.waitFor()
    // Still confirming while the buyer is at the bank: no order, the intent waits for the action.
    expect(await page.getByTestId("card-payment-status").textContent()).toContain("正在确认付款")
    expect(await payButton(page).isDisabled()).toBe(true)
    const intentId = await lastConfirmedIntent()
    expect((await stripe().intent(intentId)).status).toBe("requires_action")
    expect(await orderCount(customer)).toBe(0)
    await screenshot(page, "payment-card-3ds-challenge")

    await dialog.getByRole("button", { name: "Complete authentication" }).click()
    await expectCardOrder(page, total, intentId)
    expect(await orderCount(customer)).toBe(1)
  })

  it("3-D Secure failed: a clear message and no order; trying again with another card places it", async () => {
    const { customer, page } = await newBuyer("card-3ds-fail")
    await toCheckout(page)
    const total = await toCardPayStep(page)
    await payWith(page, TEST_CARDS.threeDSecure)
    await page.getByRole("dialog", { name: THREE_DS_DIALOG }).getByRole("button", { name: "Fail authentication" }).click()

    const alert = page.getByTestId("card-payment-error")
    await alert.waitFor()
    expect(await alert.getAttribute("role")).toBe("alert")
    expect(await alert.textContent()).toBe("发卡行身份验证（3-D Secure）未通过，未扣款，订单未提交。请重试，或选择其他支付方式。")
    expect(await page.locator("h1").textContent()).toBe("完成支付")
    expect(await orderCount(customer)).toBe(0)
    const intentId = await lastConfirmedIntent()
    expect((await stripe().intent(intentId)).status).toBe("requires_payment_method")
    // Ready for another try: the button is back and the card field has the focus.
    expect(await payButton(page).isEnabled()).toBe(true)
    expect(await cardInput(page).evaluate((el) => el === document.activeElement)).toBe(true)
    await screenshot(page, "payment-card-3ds-failed")

    await payWith(page, TEST_CARDS.visa)
    await expectCardOrder(page, total, intentId)
    expect(await orderCount(customer)).toBe(1)
  })

  it("a declined card: a clear message (also in English), no order, the backend refuses the order, and another method can be chosen", async () => {
    const { customer, page } = await newBuyer("card-declined")
    await toCheckout(page)
    await toCardPayStep(page)
    await payWith(page, TEST_CARDS.declined)
    const alert = page.getByTestId("card-payment-error")
    await alert.waitFor()
    expect(await alert.textContent()).toBe("银行卡被拒绝，未扣款，订单未提交。请换一张卡重试，或选择其他支付方式。")
    const intentId = await lastConfirmedIntent()
    expect((await stripe().intent(intentId)).status).toBe("requires_payment_method")
    expect(await orderCount(customer)).toBe(0)
    await screenshot(page, "payment-card-declined")

    // Placing the order anyway (the pay step's POST, without Stripe.js): the backend refuses it.
    const forced = await page.request.post(`${storefront()}/checkout/pay`, { form: {}, maxRedirects: 0 })
    // (400 or 409, as Medusa reports the failed authorisation as an error or as the cart back)
    expect([400, 409], await forced.text()).toContain(forced.status())
    expect(await forced.text()).toContain("银行卡付款尚未完成授权，订单未提交。请先完成付款。")
    expect(await orderCount(customer)).toBe(0)

    // In English.
    await page.getByRole("button", { name: "语言" }).click()
    await heading(page, "Complete your payment")
    await cardInput(page).waitFor()
    await cardInput(page).fill(TEST_CARDS.declined)
    await page.getByRole("button", { name: /^Pay CN¥/ }).click()
    await page.getByTestId("card-payment-error").filter({ hasText: "Your card was declined. Nothing was charged and no order was placed." }).waitFor()
    await page.getByRole("button", { name: "Language" }).click()
    await heading(page, "完成支付")

    // Another method instead: back to the checkout, offline payment, the order is placed.
    await page.getByRole("link", { name: "更换支付方式" }).click()
    await heading(page, "结算")
    await fillCheckoutDetails(page)
    await page.locator(`input[name="payment"][value="${SYSTEM_PROVIDER}"]`).check()
    await page.getByRole("button", { name: "提交订单" }).click()
    await heading(page, "订单已提交")
    expect(await orderCount(customer)).toBe(1)
  })

  it("keyboard only: choose the card, type it, pay, pass 3-D Secure and get the order; large touch targets", async () => {
    const { customer, page } = await newBuyer("card-keyboard")
    await toCheckout(page)
    await page.getByLabel("税号（统一社会信用代码）").focus()
    await tabTo(page, `el.name === "payment"`, "the payment methods")
    for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== CARD; i++) {
      await page.keyboard.press("ArrowDown")
    }
    expect(await page.getByRole("radio", { name: CARD_NAME }).isChecked()).toBe(true)
    await tabTo(page, `el.textContent.trim() === "提交订单"`, "the place-order button")
    await page.keyboard.press("Enter")
    const total = await payStepAmount(page)
    await page.waitForFunction(() => !(document.querySelector(".card-payment button[type=submit]") as HTMLButtonElement | null)?.disabled)

    await tabTo(page, `el.dataset.fakeStripe === "card"`, "the card field")
    // The page draws a focus ring around Stripe's card field.
    expect(await page.getByTestId("card-element").evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none")
    await page.keyboard.type(TEST_CARDS.threeDSecure)
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`支付 ${total}`)
    for (const target of [payButton(page), page.getByTestId("card-element")]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    }
    await page.keyboard.press("Enter")
    // The challenge takes the focus; Enter passes it.
    const complete = page.getByRole("dialog", { name: THREE_DS_DIALOG }).getByRole("button", { name: "Complete authentication" })
    await complete.waitFor()
    expect(await complete.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press("Enter")
    await heading(page, "订单已提交")
    await expectCardOrder(page, total, await lastConfirmedIntent())
    expect(await orderCount(customer)).toBe(1)
  })
})
