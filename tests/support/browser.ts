import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

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
