import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { screenshot, heading, useBrowserPage } from "../support/browser"
import { testStack } from "../support/stack"

const openPage = useBrowserPage()
let page: Page
beforeAll(() => {
  page = openPage()
})

// The same purchase with the keyboard only: Tab/Shift-Tab, Enter, Space, arrow keys, typing.


/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, what: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

const byText = (text: string) => new Function("el", `return !!el && el.textContent.trim() === ${JSON.stringify(text)}`) as (el: Element) => boolean
const byId = (id: string) => new Function("el", `return !!el && el.id === ${JSON.stringify(id)}`) as (el: Element) => boolean


describe("keyboard-only purchase", () => {
  it("skip link first, then browse, add to cart, check out and see the confirmation", async () => {
    await page.goto(testStack().facts.storefront_url)
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到主要内容")
    // A visible focus ring on the focused element.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none")

    await tabTo(page, (el) => !!el.closest(".card-link"), "a product card")
    await page.keyboard.press("Enter")
    await page.locator("table.specs").waitFor()
    await tabTo(page, byText("加入购物车"), "the add-to-cart button")
    await page.keyboard.press("Enter")
    await heading(page, "购物车")

    await tabTo(page, byText("去结算"), "the checkout link")
    await page.keyboard.press("Enter")
    await heading(page, "结算")

    await tabTo(page, byId("email"), "the email field")
    await page.keyboard.type("keyboard-buyer@example.cn")
    await page.keyboard.press("Tab")
    await page.keyboard.type("李键盘")
    await page.keyboard.press("Tab")
    await page.keyboard.type("13900139000")
    // Delivery is preselected; choose pickup with the arrow key in the radio group.
    await page.keyboard.press("Tab")
    await page.keyboard.press("ArrowDown")
    expect(await page.locator('input[name="fulfilment"][value="pickup"]').isChecked()).toBe(true)
    await tabTo(page, byId("invoice_title"), "the invoice title")
    await page.keyboard.type("成都市公共资源交易中心")
    await page.keyboard.press("Tab")
    await page.keyboard.type("91350100M000100Y43")
    await screenshot(page, "checkout-keyboard")
    await tabTo(page, byText("提交订单"), "the place-order button")
    await page.keyboard.press("Enter")
    await heading(page, "订单已提交")
    expect(await page.getByTestId("order-number").textContent()).toMatch(/订单号 #\d+/)
  })
})
