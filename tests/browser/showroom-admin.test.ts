import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { BACKEND_DIR, PLUGINS_DIR, ROOT_DIR } from "../../backend/scripts/lib/paths"
import { heading, screenshot, useBrowserPage } from "../support/browser"
import { admin, backendUrl } from "../support/http"
import { testStack } from "../support/stack"

// The experience centre's Medusa Admin pages (plugins/showroom/src/admin) in Chromium, zh-CN, on
// the real backend: the operator signs in, adds a centre and a zone (体验中心), puts a product on
// display with an RFID tag and prints its label (展品与标签), adds a monthly theme with an event
// (月度主题), adds a kiosk whose key is shown once and works, revokes it so the key stops working
// at once (触摸屏设备), and opens the month's figures (展厅数据).
//
// The test stack runs Medusa from source with the dashboard disabled (backend/scripts/lib/
// stack-up.ts), so this file builds the dashboard itself — the real admin bundler with every
// plugin's compiled admin extensions, exactly what `medusa build` bundles — and serves it on one
// origin with the backend behind it (the dashboard's own setup when Medusa serves /app).

const openPage = useBrowserPage()
let page: Page
let proxy: { url: string; close(): Promise<void> }
const unique = Date.now().toString(36)
const centreName = `成都测试体验中心 ${unique}`
const zoneCode = `T${unique.slice(-4).toUpperCase()}`
const zoneName = `办公设备测试区 ${unique}`
const kioskName = `测试触摸屏 ${unique}`
const themeTitle = `测试主题 ${unique}`
const eventTitle = `测试活动 ${unique}`
// A raw (non-SGTIN) EPC, as a reader reports it: 96 bits of hex, unique to this run.
const epc = `E2${crypto.randomBytes(11).toString("hex").toUpperCase()}`
let product: { id: string; title: string }
let kioskKey = ""

/** Every plugin's compiled admin extensions (built at stack start), as `medusa build` lists them. */
function adminPlugins(): { name: string; entry: string }[] {
  return fs
    .readdirSync(PLUGINS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PLUGINS_DIR, entry.name, "package.json")))
    .flatMap((entry) => {
      const dir = path.join(PLUGINS_DIR, entry.name)
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
      const entryFile = path.join(dir, ".medusa", "server", "src", "admin", "index.mjs")
      return pkg.exports?.["./admin"] && fs.existsSync(entryFile) ? [{ name: `${pkg.name}/admin`, entry: entryFile }] : []
    })
}

/**
 * The dashboard with our plugins' pages, built once per set of admin extensions (cached in the
 * temp folder by their hash). backendUrl "" = the origin that serves the dashboard.
 */
async function buildDashboard(): Promise<string> {
  const plugins = adminPlugins()
  if (!plugins.some((plugin) => plugin.name === "@gongwucang/showroom/admin")) throw new Error("the showroom plugin's admin extensions were not built")
  const hash = crypto.createHash("sha256")
  for (const plugin of plugins) hash.update(plugin.name).update(fs.readFileSync(plugin.entry))
  hash.update(fs.readFileSync(path.join(ROOT_DIR, "package-lock.json")))
  const outDir = path.join(os.tmpdir(), "gwc-admin-dashboard", hash.digest("hex").slice(0, 16))
  if (fs.existsSync(path.join(outDir, "index.html"))) return outDir
  const buildDir = `${outDir}.building-${process.pid}`
  const script = `require("@medusajs/admin-bundler").build(${JSON.stringify({
    path: "/app",
    backendUrl: "",
    outDir: buildDir,
    sources: [],
    plugins: plugins.map((plugin) => plugin.name),
  })}).then(() => process.exit(0), (error) => { console.error(error); process.exit(1) })`
  // In the backend folder, as `medusa build` runs it (the bundler works under ./.medusa/client).
  const child = spawn(process.execPath, ["-e", script], {
    cwd: BACKEND_DIR,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  const code: number | null = await new Promise((resolve) => child.on("exit", resolve))
  if (code !== 0) throw new Error(`admin dashboard build failed (exit ${code}):\n${output.slice(-3000)}`)
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.renameSync(buildDir, outDir)
  return outDir
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
}

/** /app/* from the built dashboard (SPA fallback to index.html); everything else to the backend. */
async function serveDashboard(dashboardDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const backend = new URL(testStack().facts.backend_url)
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://dashboard")
    if (url.pathname === "/app" || url.pathname.startsWith("/app/")) {
      const relative = decodeURIComponent(url.pathname.slice("/app".length)).replace(/^\/+/, "")
      let file = path.join(dashboardDir, relative)
      if (!relative || !file.startsWith(dashboardDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dashboardDir, "index.html")
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
      fs.createReadStream(file).pipe(response)
      return
    }
    const headers = { ...request.headers, host: backend.host }
    const upstream = http.request({ hostname: backend.hostname, port: backend.port, path: request.url, method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    })
    upstream.on("error", (error) => {
      response.writeHead(502, { "content-type": "text/plain" })
      response.end(String(error))
    })
    request.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function kioskMe(key: string) {
  return fetch(backendUrl("/kiosk/me"), { headers: { authorization: `Kiosk ${key}` } })
}

/** Confirms the dashboard's prompt (usePrompt) with the given button. */
async function confirm(button: string) {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  await dialog.getByRole("button", { name: button, exact: true }).click()
  await dialog.waitFor({ state: "hidden" })
}

/**
 * Waits for the page's confirmation (role=status) with this text; a refusal it shows instead
 * (role=alert, the backend's message) fails at once with that message.
 */
async function done(text: string) {
  const status = page.getByRole("status").filter({ hasText: text })
  const alert = page.getByRole("alert").filter({ hasText: "出错了" })
  await status.or(alert).first().waitFor()
  if (await alert.count()) throw new Error(`the page says: ${await alert.first().textContent()}`)
}

const failures: string[] = []

beforeAll(async () => {
  page = openPage()
  page.setDefaultTimeout(60_000)
  page.on("pageerror", (error) => failures.push(error.message))
  const products = await admin<{ products: { id: string; title: string }[] }>("/admin/products?limit=1&fields=id,title&order=created_at")
  expect(products.status).toBe(200)
  product = products.body.products[0]
  proxy = await serveDashboard(await buildDashboard())
  // The dashboard takes its language from the `lng` cookie (then localStorage), not the browser's.
  await page.context().addCookies([{ name: "lng", value: "zhCN", url: proxy.url }])
})

beforeEach(({ onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(page, "admin-showroom-failure").catch(() => undefined)
  })
})

afterAll(async () => {
  await proxy?.close()
})

describe("showroom admin pages (real dashboard, real backend)", () => {
  it("the operator signs in and adds a centre and a zone (体验中心)", async () => {
    await page.goto(`${proxy.url}/app/login`, { waitUntil: "domcontentloaded" })
    await page.locator('input[name="email"]').fill(testStack().facts.admin.email)
    await page.locator('input[name="password"]').fill(testStack().facts.admin.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"))

    await page.goto(`${proxy.url}/app/showroom`, { waitUntil: "domcontentloaded" })
    await heading(page, "体验中心")
    // The sidebar lists the showroom pages.
    for (const label of ["展品与标签", "月度主题", "触摸屏设备", "展厅数据"]) await page.getByRole("link", { name: label }).first().waitFor()

    await page.locator("#centre-name").fill(centreName)
    await page.locator("#centre-city").fill("成都")
    await page.locator("#centre-address").fill("成都市锦江区红星路二段 1 号")
    await page.locator("#centre-opening_hours").fill("周一至周五 9:00–17:30")
    await page.getByRole("button", { name: "新增体验中心" }).click()
    await done(`已新增体验中心：${centreName}`)
    await page.getByTestId("centre-table").getByRole("cell", { name: centreName, exact: true }).waitFor()
    // The new centre is the one the zone section works on.
    expect(await page.locator("#showroom-centre option:checked").textContent()).toBe(centreName)

    await page.locator("#zone-code").fill(zoneCode)
    await page.locator("#zone-name").fill(zoneName)
    await page.locator("#zone-name_en").fill("Office equipment (test)")
    await page.getByRole("button", { name: "新增展区" }).click()
    await done(`已新增展区：${zoneCode} ${zoneName}`)
    await page.getByTestId("zone-table").getByRole("cell", { name: zoneCode, exact: true }).waitFor()
    await screenshot(page, "admin-showroom-centres")
  })

  it("puts a product on display with an RFID tag and prints its label (展品与标签)", async () => {
    await page.goto(`${proxy.url}/app/showroom-exhibits`, { waitUntil: "domcontentloaded" })
    await heading(page, "展品与标签")
    await page.locator("#showroom-centre").selectOption({ label: centreName })
    await page.getByText("没有符合条件的展品。").waitFor()

    await page.locator("#exhibit-product-q").fill(product.title)
    await page.getByRole("button", { name: "搜索", exact: true }).click()
    await page.getByTestId("product-hits").locator("li").filter({ hasText: product.title }).first().getByRole("button", { name: "选用" }).click()
    await page.getByTestId("picked-product").filter({ hasText: product.title }).waitFor()
    expect(await page.locator("#exhibit-zone_id option:checked").textContent()).toContain(zoneCode)
    await page.locator("#exhibit-plinth").fill(`${zoneCode}-01`)
    await page.locator("#exhibit-antenna").fill(`reader-${unique}:1`)
    await page.locator("#exhibit-epcs").fill(epc)
    await page.getByRole("button", { name: "新增展品" }).click()
    await done(`已新增展品：${product.title}`)
    const row = page.getByTestId("exhibit-row").filter({ hasText: `${zoneCode}-01` })
    await row.getByTestId("tag-epc").filter({ hasText: epc }).waitFor()
    await screenshot(page, "admin-showroom-exhibits")

    // 打印标签 opens the label PDF of that exhibit in a new tab (the URL it opens is recorded; the
    // PDF is fetched with the page's session, as the new tab would).
    await page.evaluate(() => {
      window.open = (url?: string | URL) => {
        ;(window as unknown as { __opened: string }).__opened = String(url)
        return null
      }
    })
    await row.getByRole("button", { name: "打印标签" }).click()
    const opened = await page.evaluate(() => (window as unknown as { __opened?: string }).__opened ?? "")
    const labelUrl = new URL(opened, proxy.url)
    expect(labelUrl.origin).toBe(proxy.url)
    expect(labelUrl.pathname).toBe("/admin/showroom/labels.pdf")
    expect(labelUrl.searchParams.get("exhibit_ids")).toMatch(/^[A-Za-z0-9_]+$/)
    const pdf = await page.context().request.get(labelUrl.toString())
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()["content-type"]).toContain("application/pdf")
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-")
  })

  it("adds a monthly theme with an event and shows its sign-up list (月度主题)", async () => {
    await page.goto(`${proxy.url}/app/showroom-themes`, { waitUntil: "domcontentloaded" })
    await heading(page, "月度主题")
    await page.locator("#showroom-centre").selectOption({ label: centreName })
    await page.getByText("这个体验中心还没有主题。").waitFor()
    const today = new Date()
    const iso = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(date)
    await page.locator("#theme-title").fill(themeTitle)
    await page.locator("#theme-story").fill("绿色办公，从一台节能打印机开始。")
    await page.locator("#theme-starts_on").fill(iso(today))
    await page.locator("#theme-ends_on").fill(iso(new Date(today.getTime() + 20 * 86_400_000)))
    await page.locator("#theme-status").selectOption("published")
    await page.locator("#theme-hero").fill("https://example.com/hero.jpg | 主视觉")
    // The exhibit just added can be featured.
    await page.getByLabel(new RegExp(`${zoneCode}-01`)).check()
    await page.getByRole("button", { name: "新增主题" }).click()
    await done(`已新增主题：${themeTitle}`)
    const themeRow = page.getByTestId("theme-table").getByRole("row").filter({ hasText: themeTitle })
    await themeRow.getByText("已发布").waitFor()
    await themeRow.getByText("1 件展品 · 1 个商品").waitFor()

    // The new theme is opened: add an event next week.
    await page.getByRole("heading", { name: `「${themeTitle}」的活动` }).waitFor()
    const start = new Date(today.getTime() + 7 * 86_400_000)
    const local = (date: Date, hour: string) => `${iso(date)}T${hour}`
    await page.locator("#event-title").fill(eventTitle)
    await page.locator("#event-location").fill("体验中心 A 区")
    await page.locator("#event-starts_at").fill(local(start, "14:00"))
    await page.locator("#event-ends_at").fill(local(start, "16:00"))
    await page.locator("#event-capacity").fill("30")
    await page.getByRole("button", { name: "新增活动" }).click()
    await done(`已新增活动：${eventTitle}`)
    const eventRow = page.getByTestId("event-table").getByRole("row").filter({ hasText: eventTitle })
    await eventRow.getByRole("button", { name: "报名名单" }).click()
    await page.getByTestId("signups").getByText("还没有人报名。").waitFor()
    await screenshot(page, "admin-showroom-themes")
  })

  it("adds a kiosk whose key is shown once and works, then revokes it (触摸屏设备)", async () => {
    await page.goto(`${proxy.url}/app/showroom-kiosks`, { waitUntil: "domcontentloaded" })
    await heading(page, "触摸屏设备")
    await page.locator("#showroom-centre").selectOption({ label: centreName })
    await page.getByText("这个体验中心还没有触摸屏设备。").waitFor()
    await page.locator("#kiosk-name").fill(kioskName)
    expect(await page.locator("#kiosk-zone_id option:checked").textContent()).toContain(zoneCode)
    await page.locator("#kiosk-antennas").fill(`reader-${unique}:1, reader-${unique}:2`)
    await page.getByRole("button", { name: "新增设备" }).click()
    await done(`已新增设备：${kioskName}`)
    kioskKey = (await page.getByTestId("kiosk-key-value").textContent())?.trim() ?? ""
    expect(kioskKey.length).toBeGreaterThan(16)
    await page.getByTestId("kiosk-key").getByText("密钥只显示这一次").waitFor()
    await screenshot(page, "admin-showroom-kiosk-key")

    // The key shown is the kiosk's: the kiosk API accepts it.
    const me = await kioskMe(kioskKey)
    expect(me.status).toBe(200)
    expect(((await me.json()) as { kiosk: { name: string } }).kiosk.name).toBe(kioskName)

    const row = page.getByTestId("kiosk-row").filter({ hasText: kioskName })
    expect(await row.getByTestId("kiosk-state").textContent()).toBe("从未连接")
    expect(await row.textContent()).toContain(`reader-${unique}:1, reader-${unique}:2`)
    // Once closed (or after a reload) the key is nowhere on the page.
    await page.getByRole("button", { name: "我已保存，关闭" }).click()
    await page.getByTestId("kiosk-key").waitFor({ state: "detached" })
    await page.reload({ waitUntil: "domcontentloaded" })
    await page.getByTestId("kiosk-row").filter({ hasText: kioskName }).waitFor()
    expect(await page.content()).not.toContain(kioskKey)

    // Revoking asks first, then locks the kiosk out at once.
    await page.getByRole("button", { name: `停用 ${kioskName}` }).click()
    await confirm("停用")
    await done(`已停用设备：${kioskName}`)
    expect(await page.getByTestId("kiosk-row").filter({ hasText: kioskName }).getByTestId("kiosk-state").textContent()).toBe("已停用")
    expect((await kioskMe(kioskKey)).status).toBe(401)
    await screenshot(page, "admin-showroom-kiosks")
  })

  it("shows the month's figures of the centre (展厅数据)", async () => {
    await page.goto(`${proxy.url}/app/showroom-analytics`, { waitUntil: "domcontentloaded" })
    await heading(page, "展厅数据")
    await page.locator("#showroom-centre").selectOption({ label: centreName })
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).slice(0, 7)
    expect(await page.locator("#analytics-month").inputValue()).toBe(month)
    await page.getByRole("heading", { name: `${month} 概览` }).waitFor()
    // Nothing was lifted, scanned or ordered in this new centre yet.
    expect(await page.getByTestId("total-lifts").textContent()).toBe("0")
    expect(await page.getByTestId("total-scans").textContent()).toBe("0")
    expect(await page.getByTestId("total-orders").textContent()).toBe("0")
    expect(await page.getByTestId("total-revenue").textContent()).toBe("¥0.00")
    await page.getByRole("heading", { name: "本月热门展品" }).waitFor()
    await screenshot(page, "admin-showroom-analytics")
    expect(failures).toEqual([])
  })
})
