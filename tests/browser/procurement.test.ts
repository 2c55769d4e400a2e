import fs from "node:fs"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { fillCheckoutDetails, heading, screenshot, useBrowserPage } from "../support/browser"
import { registerCustomer, type TestCustomer } from "../support/orders"
import { createAgency, createOrganization, threeOffers, type OfferChoice } from "../support/procurement"
import { testStack } from "../support/stack"

// Price comparison (在线比价) in Chromium, end to end on the real backend: a buyer organisation's
// admin builds a comparison of three offers from three suppliers in one category, compares them
// side by side, chooses one with a reason and submits it to a tendering agency; the agency logs
// in, claims and confirms it; the buyer downloads the report (PDF) and orders at the compared
// price through the normal checkout; the demo supervisor (seeded, read-only) sees the order and
// the comparison on the supervision dashboard.

const openPage = useBrowserPage()
let page: Page
const storefront = () => testStack().facts.storefront_url
const unique = Date.now().toString(36)
const seed = 7_300_000 + (Date.now() % 100_000) * 10
const title = `办公设备比价 ${unique}`
const agencyName = `四川门户招标代理有限公司${unique}`

let buyer: TestCustomer
let offers: OfferChoice
let agency: { email: string; password: string }
let comparisonPath = ""
let chosen: OfferChoice["offers"][number]
let organizationName = ""
let orderNumber = ""

beforeAll(async () => {
  page = openPage()
  buyer = await registerCustomer("sf-comparison")
  organizationName = `成都市门户比价测试局${unique}`
  await createOrganization(buyer, organizationName, seed + 1)
  offers = await threeOffers()
  chosen = offers.offers[1]
  agency = await createAgency(agencyName, `sf-agency-${unique}@example.cn`)
})

describe("price comparison (real browser, real backend)", () => {
  it("the buyer builds a comparison of three offers from three suppliers", async () => {
    await page.goto(`${storefront()}/org/comparisons/new`)
    await page.waitForURL(/\/account\/login\?redirectTo=/)
    await page.getByLabel("邮箱").fill(buyer.email)
    await page.getByLabel("密码").fill(buyer.password)
    await page.getByRole("button", { name: "登录" }).click()
    await heading(page, "发起比价")

    await page.getByLabel("品目").selectOption(offers.category_id)
    await page.getByRole("button", { name: "下一步" }).click()
    await page.getByTestId("builder-category").waitFor()
    // The picked-offers count is React state: let the page hydrate first.
    await page.waitForLoadState("networkidle")
    await page.getByLabel("比价名称（选填）").fill(title)
    await page.getByLabel("采购数量").fill("2")
    await page.getByLabel("技术要求（选填）").fill("满足日常办公需要，质保不少于 12 个月")

    // Two offers only: the page says what is missing.
    await page.locator(`input[name="variant_ids"][value="${offers.variant_ids[0]}"]`).check()
    await page.locator(`input[name="variant_ids"][value="${offers.variant_ids[1]}"]`).check()
    expect(await page.getByTestId("picked-count").textContent()).toBe("已选 2 个报价，来自 2 家供应商")
    await page.getByRole("button", { name: "生成比价表" }).click()
    await page.getByRole("alert").filter({ hasText: "请至少选择 3 个报价。" }).waitFor()

    // What was picked and typed is still there; the third offer makes three suppliers.
    expect(await page.locator(`input[name="variant_ids"][value="${offers.variant_ids[0]}"]`).isChecked()).toBe(true)
    await page.locator(`input[name="variant_ids"][value="${offers.variant_ids[2]}"]`).check()
    expect(await page.getByTestId("picked-count").textContent()).toBe("已选 3 个报价，来自 3 家供应商")
    await screenshot(page, "comparison-builder")
    await page.getByRole("button", { name: "生成比价表" }).click()
    await page.waitForURL(/\/org\/comparisons\/[A-Za-z0-9_]+\?created=1$/)
    comparisonPath = new URL(page.url()).pathname
    await heading(page, title)
    expect(await page.getByTestId("comparison-status").textContent()).toBe("草稿")
  })

  it("compares the offers side by side, chooses one with a reason and submits it to the agency", async () => {
    const table = page.getByTestId("offer-table")
    expect(await table.getByTestId("offer-column").count()).toBe(3)
    for (const offer of offers.offers) expect(await table.getByTestId("offer-column").filter({ hasText: offer.supplier }).count()).toBe(1)
    // Appearance, price, function parameters and after-sales service, side by side.
    for (const row of ["外观", "单价", "售后服务"]) expect(await table.locator("tbody th[scope=row]", { hasText: row }).count()).toBe(1)
    expect(await table.locator("img.offer-image").count()).toBeGreaterThan(0)
    expect(await table.getByTestId("offer-price").first().textContent()).toMatch(/¥[\d,]+\.\d{2}/)

    await page.getByLabel(`选定 ${chosen.supplier} 的报价`).check()
    await page.getByLabel("选定理由").fill("性价比最高，售后响应最快")
    await page.getByLabel("提交给招标代理机构").selectOption({ label: agencyName })
    await screenshot(page, "comparison-side-by-side")
    await page.getByRole("button", { name: "提交审核" }).click()
    await page.getByRole("status").filter({ hasText: "已提交招标代理机构审核。" }).waitFor()
    expect(await page.getByTestId("comparison-status").textContent()).toBe("待审核")
    expect(await page.getByTestId("selection-reason").textContent()).toContain("性价比最高，售后响应最快")
    expect(await page.getByTestId("review-history").textContent()).toContain("提交审核")
  })

  it("the agency logs in, claims the comparison and confirms it", async () => {
    await page.goto(`${storefront()}/agency`)
    await page.waitForURL(/\/agency\/login\?redirectTo=%2Fagency$/)
    await heading(page, "招标代理机构登录")
    await page.getByLabel("邮箱").fill(agency.email)
    await page.getByLabel("密码").fill(agency.password)
    await page.getByRole("button", { name: "登录" }).click()
    await heading(page, "比价审核")
    expect(await page.getByTestId("agency-name").textContent()).toContain(agencyName)
    await page.getByTestId("queue-row").filter({ hasText: title }).getByRole("link", { name: title }).click()
    await heading(page, title)
    expect(await page.getByTestId("offer-column").count()).toBe(3)
    expect(await page.getByTestId("selection").textContent()).toContain(chosen.supplier)

    await page.getByRole("button", { name: "受理" }).click()
    await page.getByTestId("review-notice").filter({ hasText: "已受理" }).waitFor()
    expect(await page.getByTestId("comparison-status").textContent()).toBe("审核中")
    // Returning needs a comment; the page says so and nothing changes.
    await page.getByRole("button", { name: "退回修改" }).click()
    await page.locator("#return-comment-error").waitFor()
    expect(await page.getByTestId("comparison-status").textContent()).toBe("审核中")

    await page.getByLabel("确认意见（选填）").fill("三家报价来源合规，选择理由充分。")
    await page.getByRole("button", { name: "确认比价" }).click()
    await page.getByTestId("review-notice").filter({ hasText: "比价已确认" }).waitFor()
    expect(await page.getByTestId("comparison-status").textContent()).toBe("已确认")
    expect(await page.getByTestId("report-serial").textContent()).toBeTruthy()
    expect(await page.getByTestId("review-history").textContent()).toContain("三家报价来源合规")
    await screenshot(page, "agency-confirmed")
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/agency\/login\?loggedOut=1$/)
  })

  it("the buyer downloads the report and orders at the compared price", async () => {
    await page.goto(`${storefront()}${comparisonPath}`)
    await heading(page, title)
    expect(await page.getByTestId("comparison-status").textContent()).toBe("已确认")
    expect(await page.getByTestId("review-history").textContent()).toContain("确认比价")
    const serial = await page.getByTestId("report-serial").textContent()
    expect(serial).toBeTruthy()

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-download").click()])
    const file = await download.path()
    const bytes = fs.readFileSync(file!)
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)

    const unitText = await page.getByTestId("offer-column").filter({ hasText: chosen.supplier }).count()
    expect(unitText).toBe(1)
    await page.getByRole("button", { name: "按比价下单" }).click()
    await heading(page, "结算")
    await fillCheckoutDetails(page, { recipient: "王采购" })
    await screenshot(page, "comparison-checkout")
    await page.getByRole("button", { name: "提交订单" }).click()
    await heading(page, "订单已提交")
    expect(await page.getByTestId("order-number").textContent()).toMatch(/订单号 #\d+/)
    orderNumber = (await page.getByTestId("order-number").textContent())!.match(/#\d+/)![0]

    // The comparison knows its order.
    await page.goto(`${storefront()}${comparisonPath}`)
    expect(await page.getByTestId("comparison-status").textContent()).toMatch(/已下单|已确认/)

    // On a phone: the page does not scroll sideways; the offer table scrolls inside its own region.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await heading(page, title)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    expect(await page.locator(".compare-scroll").first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await screenshot(page, "comparison-phone")
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it("the supervisor (监管) sees the order and the ordered comparison of that organisation", async () => {
    const supervisor = testStack().facts.procurement_logins.find((login) => login.role === "supervisor")!
    await page.goto(`${storefront()}/supervise/login`)
    await heading(page, "监管人员登录")
    await page.getByLabel("登录邮箱").fill(supervisor.email)
    await page.getByLabel("密码").fill(supervisor.password)
    await page.getByLabel("密码").press("Enter")
    await heading(page, "订单总览")
    await page.getByLabel("采购单位").selectOption({ label: organizationName })
    await page.getByRole("button", { name: "查询" }).click()
    await page.waitForURL(/organization_id=/)
    const orders = page.getByTestId("supervise-orders")
    // The filtered table replaces the unfiltered one when its data arrives.
    await expect.poll(() => orders.locator("tbody tr").count(), { timeout: 30_000 }).toBe(1)
    await expect(orders.locator("tbody tr").innerText()).resolves.toContain(orderNumber)
    const comparisons = page.getByTestId("supervise-comparisons").locator("tbody tr")
    await expect.poll(() => comparisons.count(), { timeout: 30_000 }).toBe(1)
    // The comparison is marked ordered by a subscriber of order.placed, moments after the order.
    for (let i = 0; i < 20 && !(await comparisons.innerText()).includes("已下单"); i++) {
      await page.waitForTimeout(500)
      await page.reload()
    }
    const row = await comparisons.innerText()
    expect(row).toContain(title)
    expect(row).toContain(agencyName)
    expect(row).toContain(chosen.supplier)
    expect(row).toContain("已下单")
    await screenshot(page, "comparison-supervised")
  })
})
