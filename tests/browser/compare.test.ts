import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { heading, screenshot, useBrowserPage } from "../support/browser"
import { testStack } from "../support/stack"

const openPage = useBrowserPage()
let page: Page
beforeAll(() => {
  page = openPage()
})

// Side-by-side comparison (比较): three printers added from the listing and a product page, the
// comparison table with differing rows and best values, "differences only", and the shared link.

const storefront = () => testStack().facts.storefront_url
const compareCount = () => page.getByTestId("compare-link").locator(".badge")
const titles: string[] = []

async function waitForCount(count: number) {
  await compareCount().filter({ hasText: new RegExp(`^${count}$`) }).waitFor()
}

describe("comparing products (real browser, real backend)", () => {
  it("adds two printers from the category listing", async () => {
    await page.goto(`${storefront()}/categories/printing-copying`)
    await heading(page, "打印与复印设备")
    expect(await compareCount().count()).toBe(0)
    const cards = page.locator(".grid .card")
    for (const i of [0, 1]) {
      const title = (await cards.nth(i).locator(".card-title").textContent())!
      titles.push(title)
      await cards.nth(i).getByRole("button", { name: `加入对比：${title}` }).click()
      await waitForCount(i + 1)
      // Back on the same listing, the card's button now removes it again.
      expect(page.url()).toContain("/categories/printing-copying")
      await cards.nth(i).getByRole("button", { name: `移出对比：${title}` }).waitFor()
    }
  })

  it("adds a third from its product page", async () => {
    await page.locator(".grid .card").nth(2).locator(".card-link").click()
    // The address changes a moment before the product page is drawn: wait for the page itself.
    const title = (await page.locator("#product-title").textContent())!
    titles.push(title)
    await page.locator(".buy-box").getByRole("button", { name: `加入对比：${title}` }).click()
    await waitForCount(3)
    await page.locator(".buy-box").getByRole("button", { name: `移出对比：${title}` }).waitFor()
  })

  it("shows the three side by side: differing rows highlighted, best values marked", async () => {
    await page.getByTestId("compare-link").click()
    await heading(page, "商品对比")
    const columns = page.getByTestId("compare-column")
    expect(await columns.count()).toBe(3)
    expect(await columns.allTextContents()).toEqual(titles.map((t) => expect.stringContaining(t)))

    const price = page.locator('tr[data-key="price"]')
    expect(await price.locator("td").count()).toBe(3)
    for (const cell of await price.locator("td").allTextContents()) expect(cell).toMatch(/^¥[\d,]+\.\d{2}/)
    // The specification rows are aligned by key: every row has one cell per product.
    for (const row of await page.locator("table.compare-table").first().locator("tbody tr:not(.group-row)").all()) {
      expect(await row.locator("td").count()).toBe(3)
    }

    const differing = page.locator('tr[data-differs="true"]')
    expect(await differing.count()).toBeGreaterThan(0)
    const background = await differing.first().locator("td").first().evaluate((td) => getComputedStyle(td).backgroundColor)
    expect(background).not.toBe("rgba(0, 0, 0, 0)")
    expect(background).not.toBe("rgb(255, 255, 255)")
    // Three printers are all office goods: the kind row is identical.
    expect(await page.locator('tr[data-key="offer_kind"]').getAttribute("data-differs")).toBe("false")
    expect(await page.locator('tr[data-differs="false"]').count()).toBeGreaterThan(0)
    if ((await price.getAttribute("data-differs")) === "true") {
      expect(await price.locator("td.best .best-mark").count()).toBeGreaterThanOrEqual(1)
    }
    await screenshot(page, "compare")
  })

  it("shows differences only, as a link (a GET parameter)", async () => {
    const before = await page.locator('tr[data-differs="true"]').count()
    await page.getByRole("link", { name: "只看不同项" }).click()
    await page.waitForURL(/[?&]diff=1/)
    await page.getByRole("link", { name: "显示全部参数" }).waitFor()
    expect(await page.locator('tr[data-differs="false"]').count()).toBe(0)
    expect(await page.locator('tr[data-differs="true"]').count()).toBe(before)
    expect(await page.getByTestId("hidden-count").textContent()).toMatch(/^已隐藏 \d+ 项相同的参数。$/)
    await page.getByRole("link", { name: "显示全部参数" }).click()
    await page.locator('tr[data-differs="false"]').first().waitFor()
  })

  it("opens the shared link in a fresh browser context with the same three products", async () => {
    const shareUrl = await page.getByTestId("share-url").inputValue()
    expect(shareUrl).toMatch(/\/compare\?items=[\w-]+,[\w-]+,[\w-]+$/)
    const other = await page.context().browser()!.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" })
    try {
      const fresh = await other.newPage()
      const response = await fresh.goto(shareUrl)
      expect(response?.status()).toBe(200)
      const columns = fresh.getByTestId("compare-column")
      expect(await columns.count()).toBe(3)
      expect(await columns.allTextContents()).toEqual(titles.map((t) => expect.stringContaining(t)))
      // Someone else's comparison: nothing is in this visitor's own list.
      expect(await fresh.getByTestId("compare-link").locator(".badge").count()).toBe(0)
      expect(await fresh.getByText("这是一份分享的对比。").count()).toBe(1)
      // A phone: the table scrolls inside its box; the page itself does not scroll sideways.
      const overflow = await fresh.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await screenshot(fresh, "compare-phone")
    } finally {
      await other.close()
    }
  })

  it("prints without the header and buttons", async () => {
    await page.emulateMedia({ media: "print" })
    try {
      expect(await page.locator(".site-header").isVisible()).toBe(false)
      expect(await page.getByRole("link", { name: "只看不同项" }).isVisible()).toBe(false)
      expect(await page.getByTestId("compare-column").first().isVisible()).toBe(true)
    } finally {
      await page.emulateMedia({ media: "screen" })
    }
  })

  it("removes a product from the comparison", async () => {
    await page.getByRole("button", { name: `移出对比：${titles[0]}` }).click()
    await waitForCount(2)
    expect(await page.getByTestId("compare-column").count()).toBe(2)
  })
})
