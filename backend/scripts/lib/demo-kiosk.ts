import path from "node:path"
import { buildKioskApp } from "../../../kiosk/app/build"
import { startAgent } from "../../../kiosk/agent/src/agent"
import { DATA_DIR } from "./paths"
import type { StackFacts } from "./stack"

/**
 * `npm start` also runs the agent of demo kiosk A (zone A) on :8100 (GWC_KIOSK_AGENT_PORT), so
 * the kiosk app can be opened next to the storefront. Its reader is the LLRP simulator's address
 * (127.0.0.1:5084): `npm run kiosk:simulate` plays the zone's RFID plinths; until then the agent
 * keeps retrying quietly. GWC_DEMO_KIOSK=0 turns it off.
 */
export async function startDemoKiosk(facts: StackFacts, log: (line: string) => void): Promise<{ url: string; close(): Promise<void> } | null> {
  if (process.env.GWC_DEMO_KIOSK === "0") return null
  const kiosk = facts.showroom.kiosks.find((k) => k.zone_code === "A" && k.key) ?? facts.showroom.kiosks.find((k) => k.key)
  if (!kiosk?.key) return null
  try {
    await buildKioskApp()
    const agent = await startAgent({
      backendUrl: facts.backend_url,
      kioskKey: kiosk.key,
      port: Number(process.env.GWC_KIOSK_AGENT_PORT || 8100),
      reader: { kind: "llrp", host: "127.0.0.1", port: Number(process.env.GWC_SIM_PORT || 5084) },
      dataDir: path.join(DATA_DIR, "kiosk-agent"),
      log: (line) => {
        if (!/reconnect|ECONNREFUSED|connect/i.test(line)) log(`kiosk: ${line}`)
      },
    })
    return agent
  } catch (error) {
    log(`demo kiosk not started: ${error instanceof Error ? error.message : error}`)
    return null
  }
}
