import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

/**
 * The demo platform `npm start` runs writes its facts to .data/dev-stack.json, including the
 * seeded kiosks' keys. Without GWC_KIOSK_KEY, the agent and the simulator use demo kiosk A there,
 * so `npm run kiosk:simulate` works next to `npm start` with no setup.
 */
export interface DemoKiosk {
  backendUrl: string
  key: string
  name: string
}

const STACK_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", ".data", "dev-stack.json")

export function demoKiosk(file = STACK_FILE): DemoKiosk | null {
  try {
    const facts = JSON.parse(fs.readFileSync(file, "utf8")) as {
      backend_url?: string
      showroom?: { kiosks?: { name: string; zone_code: string; key: string | null }[] }
    }
    const kiosk = facts.showroom?.kiosks?.find((k) => k.key && k.zone_code === "A") ?? facts.showroom?.kiosks?.find((k) => k.key)
    if (!kiosk?.key || !facts.backend_url) return null
    return { backendUrl: facts.backend_url, key: kiosk.key, name: kiosk.name }
  } catch {
    return null
  }
}
