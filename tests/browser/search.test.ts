import type { Locator, Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { heading, launchBrowser, screenshot, useBrowserPage } from "../support/browser"
import { testStack } from "../support/stack"

const openPage = useBrowserPage()
let page: Page
beforeAll(() => {
  page = openPage()
})

// The /search page (搜索) over the backend's POST /store/search: the header's search box with
// suggestions, facets, chips, sorting, a shareable URL, the back button, and no JavaScript.

const storefront = () => testStack().facts.storefront_url
const QUERY = "打印机"

const facet = (p: Page, legend: string) => p.locator("fieldset.facet").filter({ has: p.locator("legend", { hasText: new RegExp(`^${legend}$`) }) })
const chips = (p: Page) => p.getByTestId("filter-chip")
// By label: once the suggestions load, the box's role turns from searchbox into combobox.
const searchBox = (p: Page) => p.getByLabel("搜索商品", { exact: true })

async function resultCount(p: Page): Promise<number> {
  const text = (await p.getByTestId("search-count").textContent()) ?? ""
  const match = /^共 (\d+) 件商品$/.exec(text)
  if (!match) throw new Error(`no result count in "${text}"`)
  return Number(match[1])
}

async function resultTitles(p: Page): Promise<string[]> {
  return p.getByTestId("search-results").locator(".card-title").allTextContents()
}

/** The first option of a facet whose count is below `below` (so choosing it narrows the results). */
async function narrowingOption(p: Page, legend: string, below: number): Promise<{ option: Locator; value: string }> {
  const options = facet(p, legend).locator("label.facet-option")
  for (let i = 0; i < (await options.count()); i++) {
    const count = Number((await options.nth(i).locator(".facet-count").textContent()) ?? "0")
    if (count > 0 && count < below) return { option: options.nth(i), value: (await options.nth(i).locator("input").getAttribute("value"))! }
  }
  throw new Error(`no ${legend} option narrows ${below} results`)
}

/** The address changes a moment before the new results are drawn; the chips show when they are. */
async function chipCount(p: Page, count: number) {
  await p.waitForFunction((n) => document.querySelectorAll("[data-testid=filter-chip]").length === n, count)
}

/** Waits until the page shows the results for a URL containing all of `parts`. */
async function settled(p: Page, ...parts: string[]) {
  await p.waitForURL((url) => parts.every((part) => decodeURIComponent(url.search).includes(part)))
  await p.waitForFunction(() => !document.querySelector(".search-results[aria-busy=true]"))
}

let countAll = 0
let countBrand = 0
let countBoth = 0
let brandValue = ""
let kindValue = ""
let filteredUrl = ""
let filteredTitles: string[] = []

describe("searching the catalogue (real browser, real backend)", () => {
  it("searches from the header box on any page", async () => {
    await page.goto(`${storefront()}/categories`)
    await searchBox(page).fill(QUERY)
    await searchBox(page).press("Enter")
    await page.waitForURL(/\/search\?/)
    // The address changes a moment before the new page is drawn: wait for its heading.
    await heading(page, `“${QUERY}”的搜索结果`)
    expect(await page.getByTestId("search-unavailable").count(), "the backend's search answered").toBe(0)
    countAll = await resultCount(page)
    expect(countAll).toBeGreaterThan(1)
    expect((await resultTitles(page)).length).toBeGreaterThan(0)
    // The box keeps the query on the results page.
    expect(await searchBox(page).inputValue()).toBe(QUERY)
  })

  it("narrows by brand, then by kind: the count changes and a chip names each filter", async () => {
    const brand = await narrowingOption(page, "品牌", countAll)
    brandValue = brand.value
    await brand.option.click()
    await settled(page, `brand=${brandValue}`)
    await chipCount(page, 1)
    countBrand = await resultCount(page)
    expect(countBrand).toBeLessThan(countAll)
    expect(await chips(page).allTextContents()).toEqual([`品牌：${brandValue} ×`])

    const kinds = facet(page, "类型").locator("label.facet-option")
    expect(await kinds.count()).toBeGreaterThan(0)
    kindValue = (await kinds.first().locator("input").getAttribute("value"))!
    await kinds.first().click()
    await settled(page, `brand=${brandValue}`, `kind=${kindValue}`)
    await chipCount(page, 2)
    countBoth = await resultCount(page)
    expect(countBoth).toBeGreaterThan(0)
    expect(countBoth).toBeLessThanOrEqual(countBrand)
    expect(await chips(page).count()).toBe(2)
    expect(await facet(page, "品牌").locator(`input[value="${brandValue}"]`).isChecked()).toBe(true)
    filteredUrl = page.url()
    filteredTitles = await resultTitles(page)
    await screenshot(page, "search")
  })

  it("sorts by price", async () => {
    await page.getByLabel("排序").selectOption("price_asc")
    await settled(page, "sort=price_asc", `brand=${brandValue}`)
    // Cards re-render once the new results are in; wait until they are in price order.
    await page.waitForFunction(() => {
      const prices = [...document.querySelectorAll(".search-results .card-price")].map((e) => Number(e.textContent!.replace(/[^\d.]/g, "")))
      return prices.length > 1 && prices.every((p, i) => i === 0 || prices[i - 1] <= p)
    })
    await page.goBack()
    await page.waitForURL((url) => !url.search.includes("sort=price_asc"))
    await chipCount(page, 2)
    await page.waitForFunction(() => (document.getElementById("search-sort") as HTMLSelectElement).value === "relevance")
  })

  it("the URL is the whole state: a fresh browser sees the same filters and results", async () => {
    const other = await page.context().browser()!.newContext({ locale: "zh-CN" })
    try {
      const fresh = await other.newPage()
      await fresh.goto(filteredUrl)
      expect(await resultCount(fresh)).toBe(countBoth)
      expect(await resultTitles(fresh)).toEqual(filteredTitles)
      expect(await chips(fresh).count()).toBe(2)
      expect(await facet(fresh, "类型").locator(`input[value="${kindValue}"]`).isChecked()).toBe(true)
    } finally {
      await other.close()
    }
  })

  it("the back button restores the previous filters", async () => {
    await page.goBack()
    // Going back changes the address at once and the results when they arrive: wait for those.
    await page.waitForURL((url) => !url.search.includes("kind="))
    await chipCount(page, 1)
    await settled(page, `brand=${brandValue}`)
    expect(await resultCount(page)).toBe(countBrand)
    expect(await chips(page).count()).toBe(1)
    expect(await facet(page, "类型").locator(`input[value="${kindValue}"]`).isChecked()).toBe(false)
    expect(await facet(page, "品牌").locator(`input[value="${brandValue}"]`).isChecked()).toBe(true)
  })

  it("a chip removes its filter", async () => {
    await chips(page).first().click()
    await page.waitForURL((url) => !url.search.includes("brand="))
    await chipCount(page, 0)
    expect(await resultCount(page)).toBe(countAll)
  })

  it("suggests products as you type; arrow keys and Enter open one", async () => {
    await page.goto(storefront())
    const box = searchBox(page)
    await box.click()
    await box.pressSequentially("打印", { delay: 50 })
    const list = page.getByRole("listbox", { name: "搜索建议" })
    await list.waitFor()
    expect(await page.getByRole("combobox").getAttribute("aria-expanded")).toBe("true")
    const first = (await list.getByRole("option").first().textContent())!
    await page.keyboard.press("ArrowDown")
    expect(await page.getByRole("combobox").getAttribute("aria-activedescendant")).toBe("site-q-suggestions-0")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/products\//)
    expect(await page.locator("#product-title").textContent()).toBe(first)
  })

  it("names bad URL parameters instead of failing", async () => {
    const response = await page.goto(`${storefront()}/search?q=${encodeURIComponent(QUERY)}&kind=weapons&page=abc&price=9-1&category=nope`)
    expect(response?.status()).toBe(200)
    expect(await page.getByTestId("search-dropped").textContent()).toContain("kind=weapons")
    expect(await resultCount(page)).toBe(countAll)
  })

  it("works without JavaScript: the header form searches, the filter form filters", async () => {
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" })
      const noJs = await context.newPage()
      await noJs.goto(storefront())
      await noJs.getByRole("searchbox", { name: "搜索商品" }).fill(QUERY)
      await noJs.getByRole("button", { name: "搜索", exact: true }).click()
      await noJs.waitForURL(/\/search\?q=/)
      expect(await resultCount(noJs)).toBe(countAll)
      await facet(noJs, "品牌").locator(`input[value="${brandValue}"]`).check()
      await noJs.getByRole("button", { name: "应用筛选" }).click()
      await noJs.waitForURL((url) => decodeURIComponent(url.search).includes(`brand=${brandValue}`))
      expect(await resultCount(noJs)).toBe(countBrand)
      expect(await chips(noJs).count()).toBe(1)
      await chips(noJs).first().click()
      await noJs.waitForURL((url) => !url.search.includes("brand="))
      expect(await resultCount(noJs)).toBe(countAll)
    } finally {
      await browser.close()
    }
  })

  it("fits a 360 px phone with the filters folded away", async () => {
    const phone = await page.context().browser()!.newPage({ viewport: { width: 360, height: 740 }, locale: "zh-CN" })
    try {
      await phone.goto(filteredUrl)
      await phone.waitForFunction(() => !(document.querySelector("details.search-filters") as HTMLDetailsElement).open)
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await screenshot(phone, "search-phone")
    } finally {
      await phone.close()
    }
  })
})
