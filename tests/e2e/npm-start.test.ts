import fs from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { Client } from "pg"
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../../backend/scripts/lib/database"
import { parseEnv } from "../../backend/scripts/lib/env-file"
import type { StackFacts } from "../../backend/scripts/lib/stack"
import { generateCatalogue } from "../../seed/src"
import { launchBrowser, screenshot } from "../support/browser"
import { makeRunDir, NpmStartRun } from "../support/npm-start"

const { runDir, dataDir, envFile } = makeRunDir("gwc-start-")
const expectedProducts = generateCatalogue(20261122).products.length
let current: NpmStartRun | null = null

let kioskPort = 0

async function npmStart(port: number, pgPort: number) {
  kioskPort = await freePort()
  current = new NpmStartRun(dataDir, envFile, { backend: port, storefront: await freePort(), kiosk: kioskPort }, pgPort)
  return current
}

async function ctrlC(run: NpmStartRun) {
  await run.ctrlC()
  expect(run.output(), run.output().slice(-3000)).toContain("[gongwucang] stopped")
  expect(run.output()).not.toMatch(/shutdown: /) // no step of the shutdown failed
  expect(run.leftoverProcesses()).toEqual([])
}

async function productCount(facts: StackFacts) {
  const response = await fetch(`${facts.backend_url}/store/products?limit=1`, {
    headers: { "x-publishable-api-key": facts.publishable_keys.online.token },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { count: number }).count
}

/**
 * Our plugins' Medusa Admin pages, in the built dashboard, in a real browser (zh-CN): the operator
 * signs in and opens the supplier admission list, the buyer organisations, the procurement
 * audit log, the agencies and the supervisors, and adds a supervisor who can then sign in. A page that fails to load or render its heading fails here.
 */
async function operatorPagesRender(facts: StackFacts) {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" })
    // Under load (CI runs this beside nothing else, but the dashboard's first load is heavy).
    page.setDefaultTimeout(120_000)
    const failures: string[] = []
    page.on("pageerror", (error) => failures.push(error.message))
    // The dashboard takes its language from the `lng` cookie (then localStorage), not the browser's.
    await page.context().addCookies([{ name: "lng", value: "zhCN", url: facts.admin_url }])
    await page.goto(`${facts.admin_url}/login`, { waitUntil: "domcontentloaded", timeout: 120_000 })
    await page.locator('input[name="email"]').fill(facts.admin.email)
    await page.locator('input[name="password"]').fill(facts.admin.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })

    await page.goto(`${facts.admin_url}/suppliers`, { waitUntil: "domcontentloaded" })
    await page.locator("h1", { hasText: "供应商" }).waitFor({ timeout: 60_000 })
    // Its default filter is the admission queue (待审核); the seeded suppliers are admitted already.
    await page.getByText("没有符合条件的供应商").waitFor()

    await page.goto(`${facts.admin_url}/organizations`, { waitUntil: "domcontentloaded" })
    await page.locator("h1", { hasText: "采购单位" }).waitFor({ timeout: 60_000 })
    await page.getByText("统一社会信用代码").first().waitFor()
    await screenshot(page, "admin-organizations")

    await page.goto(`${facts.admin_url}/procurement-audit`, { waitUntil: "domcontentloaded" })
    await page.locator("h1", { hasText: "采购审计日志" }).waitFor({ timeout: 60_000 })
    // The sidebar lists our procurement pages.
    await page.getByRole("link", { name: "采购单位" }).first().waitFor()

    // The seeded demo organisation, agencies and supervisor; the operator adds a supervisor.
    await page.goto(`${facts.admin_url}/organizations`, { waitUntil: "domcontentloaded" })
    await page.getByRole("link", { name: "成都市锦江区教育局" }).click()
    await page.getByText("buyer-purchaser@demo.gongwucang.local").waitFor()
    await page.goto(`${facts.admin_url}/agencies`, { waitUntil: "domcontentloaded" })
    await page.locator("h1", { hasText: "招标代理机构" }).waitFor()
    await page.getByText("四川公共资源交易代理有限公司").waitFor()
    await page.goto(`${facts.admin_url}/supervisors`, { waitUntil: "domcontentloaded" })
    await page.getByText("supervisor@demo.gongwucang.local").waitFor()
    await page.getByLabel("姓名").fill("周监管")
    await page.getByLabel("登录邮箱").fill("zhou@supervision.example.cn")
    await page.getByLabel("所属监管部门").fill("四川省财政厅")
    await page.getByLabel("初始密码（至少 10 位）").fill("Zhou-Supervises-2026")
    await page.getByRole("button", { name: "新增监管人员" }).click()
    await page.getByText("已创建：周监管 (zhou@supervision.example.cn)").waitFor()
    await page.getByRole("cell", { name: "zhou@supervision.example.cn" }).waitFor()
    await screenshot(page, "admin-supervisors")
    const supervisorLogin = await fetch(`${facts.backend_url}/auth/supervisor/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "zhou@supervision.example.cn", password: "Zhou-Supervises-2026" }),
    })
    expect(supervisorLogin.status).toBe(200)
    expect(failures).toEqual([])
  } catch (error) {
    const [page] = browser.contexts().flatMap((context) => context.pages())
    if (page) await screenshot(page, "admin-failure").catch(() => undefined)
    throw error
  } finally {
    await browser.close()
  }
}

afterAll(async () => {
  await current?.ctrlC(30_000)
  if (!process.env.GWC_KEEP_TEST_DIR) fs.rmSync(runDir, { recursive: true, force: true })
})

describe("npm start on a fresh machine (embedded PostgreSQL)", () => {
  let facts: StackFacts
  let port: number

  it("builds, migrates, seeds once and serves the catalogue; prints URLs, logins and keys", async () => {
    port = await freePort()
    const run = await npmStart(port, await freePort())
    await run.waitFor("Press Ctrl-C to stop.", 900_000)

    facts = JSON.parse(fs.readFileSync(path.join(dataDir, "dev-stack.json"), "utf8"))
    const secrets = parseEnv(fs.readFileSync(envFile, "utf8"))
    expect(facts.database).toBe("embedded")
    expect(facts.admin).toEqual({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD })
    // The storefront is up and shows the seeded catalogue, in Chinese.
    const home = await fetch(facts.storefront_url)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain("现代公物仓")
    for (const printed of [facts.storefront_url, facts.backend_url, facts.admin_url, secrets.ADMIN_EMAIL, secrets.ADMIN_PASSWORD, facts.publishable_keys.online.token]) {
      expect(run.output()).toContain(printed)
    }
    expect(run.output()).toContain("seeding demo data (first start)")

    expect((await fetch(`http://localhost:${port}/health`)).status).toBe(200)
    expect(await productCount(facts)).toBe(expectedProducts)
    // The admin dashboard is built and served.
    const dashboard = await fetch(`${facts.admin_url}/`)
    expect(dashboard.status).toBe(200)
    expect(await dashboard.text()).toContain("<div id=\"medusa\"")

    // Something an operator changes must survive the restart.
    const login = await fetch(`${facts.backend_url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(facts.admin),
    })
    const { token } = (await login.json()) as { token: string }
    const created = await fetch(`${facts.backend_url}/admin/product-tags`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ value: "重启后仍在 persists-across-restart" }),
    })
    expect(created.status).toBe(200)

    await operatorPagesRender(facts)

    // Demo kiosk A runs too: its agent serves the kiosk app and the kiosk's bundle (with its key).
    expect(run.output()).toContain(`Showroom kiosk (A)    http://127.0.0.1:${kioskPort}`)
    const kioskApp = await fetch(`http://127.0.0.1:${kioskPort}/`)
    expect(kioskApp.status).toBe(200)
    expect(await kioskApp.text()).toContain("app.js")
    const bundle = await fetch(`http://127.0.0.1:${kioskPort}/api/bundle`)
    expect(bundle.status).toBe(200)
    const kioskBundle = (await bundle.json()) as { kiosk: { name: string }; exhibits: unknown[]; theme: { title: string } | null }
    expect(kioskBundle.exhibits).toHaveLength(30)
    expect(kioskBundle.theme).not.toBeNull()

    await ctrlC(run)
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false)
  }, 1_200_000)

  it("starts again with the same data and does not reseed", async () => {
    const run = await npmStart(port, await freePort())
    await run.waitFor("Press Ctrl-C to stop.", 600_000)
    expect(run.output()).toContain("already seeded")
    expect(run.output()).not.toContain("seeding demo data (first start)")

    const again: StackFacts = JSON.parse(fs.readFileSync(path.join(dataDir, "dev-stack.json"), "utf8"))
    expect(again.publishable_keys).toEqual(facts.publishable_keys)
    expect(await productCount(again)).toBe(expectedProducts)
    const tags = await fetch(`${again.backend_url}/store/product-tags?value=${encodeURIComponent("重启后仍在 persists-across-restart")}`, {
      headers: { "x-publishable-api-key": again.publishable_keys.online.token },
    })
    expect(((await tags.json()) as { product_tags: unknown[] }).product_tags).toHaveLength(1)

    await ctrlC(run)
  }, 900_000)
})

describe("npm start with DATABASE_URL", () => {
  const external = makeRunDir("gwc-external-")
  let server: EmbeddedServer | null = null

  afterAll(async () => {
    await current?.ctrlC(30_000) // npm start before the server it uses
    await server?.stop()
    if (!process.env.GWC_KEEP_TEST_DIR) fs.rmSync(external.runDir, { recursive: true, force: true })
  })

  it("uses that server (creating, migrating and seeding the database) instead of the embedded one", async () => {
    // Another PostgreSQL stands in for "the given database server".
    server = await startEmbeddedPostgres({
      dataDir: path.join(external.runDir, "server"),
      port: await freePort(),
      password: "external-pw",
      durable: false,
    })
    const url = server.url("gwc_given")
    const run = (current = new NpmStartRun(external.dataDir, external.envFile, { backend: await freePort(), storefront: await freePort() }, { url }))
    await run.waitFor("Press Ctrl-C to stop.", 900_000)

    const facts: StackFacts = JSON.parse(fs.readFileSync(path.join(external.dataDir, "dev-stack.json"), "utf8"))
    expect(facts.database).toBe("external")
    expect(run.output()).toContain("(DATABASE_URL)")
    expect(run.output()).not.toContain("external-pw") // the password is never printed
    expect(fs.existsSync(path.join(external.dataDir, "pg"))).toBe(false) // no embedded cluster made
    expect(await productCount(facts)).toBe(expectedProducts)

    const client = new Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query("select count(*)::int as n from product where deleted_at is null")
    await client.end()
    expect(rows[0].n).toBe(expectedProducts)

    await ctrlC(run)
  }, 900_000)
})
