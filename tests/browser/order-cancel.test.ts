import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { screenshot, useBrowserPage } from "../support/browser"
import { admin } from "../support/http"
import { adminCapturePayment, registerCustomer, type TestCustomer } from "../support/orders"
import { OFFICIAL_CARD, orderPaidWith, orderPayment, PUBLIC_BUYERS_GROUP, setGroupMembership } from "../support/payments"
import { testStack } from "../support/stack"

// The buyer cancels an order from its page (real browser, real backend): a confirmation box that
// must be ticked, the cancellation and refund on the order's timeline, and no cancel button once
// the order is packed. Keyboard only, as someone without a mouse would do it.

const openPage = useBrowserPage()
let page: Page
let buyer: TestCustomer
const storefront = () => testStack().facts.storefront_url
const CARD = { holder_name: "李采购", last4: "4321", auth_code: "Z9Y8X7" }

async function logIn(customer: TestCustomer) {
  await page.goto(`${storefront()}/account/login`)
  await page.getByLabel("邮箱").fill(customer.email)
  await page.getByLabel("密码").fill(customer.password)
  await page.getByRole("button", { name: "登录" }).click()
  await page.waitForURL(/\/account$/)
}

beforeAll(async () => {
  page = openPage()
  buyer = await registerCustomer("cancel-browser")
  await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
  await logIn(buyer)
})

describe("cancelling an order in the storefront (取消订单)", () => {
  it("asks for confirmation, then cancels a paid order and shows the refund on its timeline", async () => {
    const { order } = await orderPaidWith(buyer, OFFICIAL_CARD, CARD)
    await adminCapturePayment(order.id)
    const captured = Number((await orderPayment(order.id)).amount)

    await page.goto(`${storefront()}/account/orders/${order.id}`)
    await page.locator("h3", { hasText: /^取消订单$/ }).waitFor()
    // Without the box ticked: refused, said at the box, the order untouched.
    await page.getByRole("button", { name: "取消订单" }).focus()
    await page.keyboard.press("Enter")
    await page.locator("#cancel-confirm-error").waitFor()
    expect(await page.locator("#cancel-confirm-error").textContent()).toBe("请勾选确认后再取消")
    expect(await page.getByLabel("我确认取消此订单").getAttribute("aria-invalid")).toBe("true")
    const still = await admin(`/admin/orders/${order.id}?fields=id,status`)
    expect(still.body.order.status).not.toBe("canceled")

    await page.getByLabel("我确认取消此订单").focus()
    await page.keyboard.press("Space")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\?canceled=1$/)
    await page.getByRole("status").filter({ hasText: "订单已取消" }).waitFor()
    const events = page.getByTestId("order-events").locator("li")
    expect(await events.evaluateAll((items) => items.map((li) => li.getAttribute("data-event")))).toEqual(["canceled", "refunded"])
    const amount = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }).format(captured)
    expect(await events.nth(1).textContent()).toContain(`退款 ${amount}`)
    expect(await page.getByTestId("refunded-total").textContent()).toBe(`已退款合计：${amount}`)
    // Cancelled: no cancel button any more.
    expect(await page.getByRole("button", { name: "取消订单" }).count()).toBe(0)
    await screenshot(page, "order-cancelled")
    // The same in English.
    await page.getByRole("button", { name: "语言" }).click()
    await page.getByTestId("order-events").filter({ hasText: "Order cancelled" }).waitFor()
    expect(await events.nth(1).textContent()).toMatch(/^Refund of (CN)?¥/)
    await page.getByRole("button", { name: "Language" }).click()
    await page.getByTestId("order-events").filter({ hasText: "订单已取消" }).waitFor()

    const payment = await orderPayment(order.id)
    expect(payment.refunds.map((r) => Number(r.amount))).toEqual([captured])
  })

  it("offers no cancellation once the order is packed", async () => {
    const { order } = await orderPaidWith(buyer, OFFICIAL_CARD, CARD)
    await page.goto(`${storefront()}/account/orders/${order.id}`)
    expect(await page.getByRole("button", { name: "取消订单" }).count()).toBe(1)
    await adminCapturePayment(order.id)
    const items = (await admin(`/admin/orders/${order.id}?fields=*items`)).body.order.items.map((i: { id: string; quantity: number }) => ({
      id: i.id,
      quantity: i.quantity,
    }))
    expect((await admin(`/admin/orders/${order.id}/fulfillments`, { method: "POST", body: JSON.stringify({ items }) })).status).toBe(200)
    await page.reload()
    await page.locator("h2", { hasText: /^订单进度$/ }).waitFor()
    expect(await page.getByRole("button", { name: "取消订单" }).count()).toBe(0)
    expect(await page.getByTestId("order-events").count()).toBe(0)
  })
})
