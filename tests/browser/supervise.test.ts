import fs from "node:fs"
import { parse } from "csv-parse/sync"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { heading, screenshot, useBrowserPage } from "../support/browser"
import { placeOrder } from "../support/orders"
import { testStack } from "../support/stack"
import { creditCode } from "../support/supplier"
import { createSupervisor, organizationWithAdmin, type TestSupervisor } from "../support/supervision"

// The supervision area (采购监管, /supervise) in Chromium: a supervisor logs in with the keyboard,
// sees the order of a test organisation on the dashboard, filters by that organisation (summary
// and table follow), downloads the CSV (parsed back), reads the audit log; on a phone the page
// does not scroll sideways (the tables scroll in their own region).

const openPage = useBrowserPage()
let page: Page
const storefront = () => testStack().facts.storefront_url
const unique = Date.now().toString(36)
// Credit-code seeds no other test file uses.
let seed = 6_000_000 + (Date.now() % 100_000) * 10

let supervisor: TestSupervisor
let orgA: Awaited<ReturnType<typeof organizationWithAdmin>>
let orgB: Awaited<ReturnType<typeof organizationWithAdmin>>
let orderA: { id: string; display_id: number }
let orderB: { id: string; display_id: number }

beforeAll(async () => {
  page = openPage()
  supervisor = await createSupervisor("browser-supervisor")
  orgA = await organizationWithAdmin(`浏览器监管测试 甲单位 ${unique}`, creditCode(++seed))
  orgB = await organizationWithAdmin(`浏览器监管测试 乙单位 ${unique}`, creditCode(++seed))
  ;({ order: orderA } = await placeOrder(orgA.admin))
  ;({ order: orderB } = await placeOrder(orgB.admin))
})

const row = (orderId: string) => page.locator(`[data-testid="supervise-orders"] tr[data-order-id="${orderId}"]`)

describe("supervision area (real browser, real backend)", () => {
  it("a supervisor logs in with the keyboard and sees the organisations' orders", async () => {
    await page.goto(`${storefront()}/supervise`)
    await page.waitForURL(/\/supervise\/login\?redirectTo=%2Fsupervise$/)
    await heading(page, "监管人员登录")
    await page.getByLabel("登录邮箱").focus()
    await page.keyboard.type(supervisor.email)
    await page.keyboard.press("Tab")
    await page.keyboard.type(supervisor.password)
    await page.keyboard.press("Enter")
    await heading(page, "订单总览")
    await expect(row(orderA.id).count()).resolves.toBe(1)
    await expect(row(orderB.id).count()).resolves.toBe(1)
    await expect(row(orderA.id).innerText()).resolves.toContain(orgA.organization.name)
    await expect(row(orderA.id).innerText()).resolves.toContain(`#${orderA.display_id}`)
    await expect(row(orderA.id).innerText()).resolves.toMatch(/¥[\d,]+\.\d{2}/)
  })

  it("filters by organisation: the table and the summary follow", async () => {
    await page.getByLabel("采购单位").selectOption(orgA.organization.id)
    await page.getByRole("button", { name: "查询" }).click()
    await page.waitForURL(new RegExp(`organization_id=${orgA.organization.id}`))
    await expect(row(orderA.id).count()).resolves.toBe(1)
    await expect(row(orderB.id).count()).resolves.toBe(0)
    await expect(page.getByTestId("summary-count").innerText()).resolves.toBe("1")
    const total = await page.getByTestId("summary-total").innerText()
    expect(total).toMatch(/^¥[\d,]+\.\d{2}$/)
    await expect(row(orderA.id).locator("td.amount").innerText()).resolves.toBe(total)
    // Organisation A asked for no approval.
    await expect(page.getByTestId("approvals-count").innerText()).resolves.toBe("0")
    await expect(page.getByTestId("comparisons-count").innerText()).resolves.toBe("0")
    await screenshot(page, "supervise-dashboard")
  })

  it("downloads the filtered orders as CSV (UTF-8 with BOM) holding that order", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("orders-csv").click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const file = await download.path()
    const bytes = fs.readFileSync(file!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r["订单ID Order id"])).toEqual([orderA.id])
    expect(rows[0]["采购单位 Organisation"]).toBe(orgA.organization.name)
  })

  it("reads the audit log of the organisation", async () => {
    await page.getByRole("link", { name: "审计日志" }).click()
    await heading(page, "审计日志")
    await page.getByLabel("采购单位").selectOption(orgA.organization.id)
    await page.getByRole("button", { name: "查询" }).click()
    await page.waitForURL(new RegExp(`/supervise/audit\\?.*organization_id=${orgA.organization.id}`))
    const text = await page.getByTestId("audit-entries").innerText()
    expect(text).toContain("organization.created")
    expect(text).toContain("member.joined")
  })

  it("on a phone the page does not scroll sideways and the controls are large enough to touch", async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${storefront()}/supervise?organization_id=${orgA.organization.id}`)
    await heading(page, "订单总览")
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    const box = await page.getByRole("button", { name: "查询" }).boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    const select = await page.getByLabel("采购单位").boundingBox()
    expect(select!.height).toBeGreaterThanOrEqual(44)
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it("logs out", async () => {
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/supervise\/login\?loggedOut=1/)
    await page.goto(`${storefront()}/supervise`)
    await page.waitForURL(/\/supervise\/login/)
  })
})
