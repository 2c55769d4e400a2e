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
