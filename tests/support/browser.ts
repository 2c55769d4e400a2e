import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"

export const ARTIFACTS_DIR = path.resolve(__dirname, "..", "artifacts")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/**
 * Debian's Chromium (installed by .ci/run), driven by playwright-core. The flags keep it off the
 * network (these machines have none) and let it run as root.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** True when the page's Chinese text is drawn with our web font (not tofu from a fallback). */
export async function chineseFontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready
    return document.fonts.check('16px "Noto Sans SC"', "现代公物仓")
  })
}

/** Waits (up to the default timeout) for the page's h1 to read exactly `text`. */
export async function heading(page: Page, text: string) {
  await page.locator("h1", { hasText: new RegExp(`^${text}$`) }).waitFor()
}

/**
 * One Chromium page for a test file (desktop size, zh-CN), opened before its tests and closed
 * after them. Call at the top of the file; the returned function gives the page.
 */
export function useBrowserPage(): () => Page {
  let browser: Browser | undefined
  let page: Page | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" })
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!page) throw new Error("the browser page is not open yet")
    return page
  }
}

/**
 * Fills the checkout's delivery and invoice fields with a valid public buyer's details.
 * `recipient: null` leaves the recipient as the page has it (a registered buyer's name); `taxId`
 * replaces the valid unified social credit code.
 */
export async function fillCheckoutDetails(page: Page, options: { recipient?: string | null; taxId?: string } = {}) {
  if (options.recipient !== null) await page.getByLabel("收货人").fill(options.recipient ?? "王采购")
  await page.getByLabel("手机号").fill("13800138000")
  await page.getByLabel("省份").fill("四川省")
  await page.getByLabel("城市").fill("成都")
  await page.getByLabel("详细地址").fill("锦江区红星路二段 1 号")
  await page.getByLabel("邮政编码").fill("610017")
  await page.getByLabel("发票抬头").fill("成都市机关事务管理局")
  await page.getByLabel("税号（统一社会信用代码）").fill(options.taxId ?? "91350100M000100Y43")
}
