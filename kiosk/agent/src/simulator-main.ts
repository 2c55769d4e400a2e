/**
 * `npm run kiosk:simulate` — an LLRP reader simulator on 127.0.0.1:5084 (GWC_SIM_PORT).
 *
 *   npm run kiosk:simulate -- EPC@antenna EPC@antenna …      tags from the command line
 *   GWC_KIOSK_KEY=… npm run kiosk:simulate                    tags of the kiosk's exhibits, from the
 *                                                             backend bundle (GWC_KIOSK_BACKEND_URL)
 *   … --script [--every 4000]                                 lift / replace the tags in a loop
 *     (npm itself swallows --script when run through the root script: use `script` / `every=4000`
 *      words, or GWC_SIM_SCRIPT=1 / GWC_SIM_EVERY=4000)
 *
 * Interactive keys: 1–9 lift that tag (RSSI drop), shift+1–9 (!@#…) lift by silence, r replace all,
 * l list, q quit.
 */
import type { KioskBundle } from "../../shared/types"
import { demoKiosk } from "./demo-stack"
import { startSimulator, type SimulatorTag } from "./simulator"

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const port = Number(process.env.GWC_SIM_PORT ?? option("--port") ?? 5084)
const scriptMode = flag("--script") || args.includes("script") || process.env.GWC_SIM_SCRIPT === "1"
const everyMs = Number(option("--every") ?? args.find((a) => a.startsWith("every="))?.slice(6) ?? process.env.GWC_SIM_EVERY ?? 4000)
const positional = args.filter(
  (a, i) => !a.startsWith("--") && a !== "script" && !a.startsWith("every=") && !(i > 0 && ["--port", "--every"].includes(args[i - 1]))
)

async function tagsFromBackend(): Promise<SimulatorTag[]> {
  // Without a key: demo kiosk A of the platform `npm start` runs.
  const demo = process.env.GWC_KIOSK_KEY ? null : demoKiosk()
  const key = process.env.GWC_KIOSK_KEY ?? demo?.key
  if (!key) return []
  const base = (process.env.GWC_KIOSK_BACKEND_URL ?? demo?.backendUrl ?? "http://localhost:9000").replace(/\/+$/, "")
  const res = await fetch(`${base}/kiosk/bundle`, { headers: { authorization: `Kiosk ${key}` } })
  if (!res.ok) throw new Error(`GET /kiosk/bundle → ${res.status} ${await res.text()}`)
  const bundle = (await res.json()) as KioskBundle
  const watched = new Set(bundle.kiosk.antennas)
  const tags: SimulatorTag[] = []
  for (const ex of bundle.exhibits) {
    if (!ex.antenna || (watched.size > 0 && !watched.has(ex.antenna))) continue
    const n = Number(ex.antenna.slice(ex.antenna.lastIndexOf(":") + 1))
    if (!Number.isFinite(n)) continue
    if (ex.epcs[0]) tags.push({ epc: ex.epcs[0], antenna: n })
  }
  return tags
}

let tags: SimulatorTag[] = positional.map((a) => {
  const [epc, antenna] = a.split("@")
  return { epc: epc.toUpperCase(), antenna: Number(antenna ?? 1) }
})
if (tags.length === 0) {
  try {
    tags = await tagsFromBackend()
  } catch (error) {
    console.error(`无法从后台获取标签 / could not fetch tags from the backend: ${(error as Error).message}`)
  }
}
if (tags.length === 0) {
  console.error(
    "没有标签：请以 EPC@天线 给出，设置 GWC_KIOSK_KEY，或先运行 npm start / no tags: pass EPC@antenna arguments, set GWC_KIOSK_KEY, or run npm start first"
  )
  process.exit(2)
}

const sim = await startSimulator({ port, host: "127.0.0.1", tags, log: (l) => console.log(l) })
console.log(`LLRP 模拟器 / simulator: 127.0.0.1:${sim.port}, ${tags.length} 个标签 / tags`)
tags.forEach((t, i) => console.log(`  ${i + 1}. ${t.epc} @ antenna ${t.antenna}`))

const act = (what: string, fn: () => number) => {
  try {
    const at = fn()
    console.log(`${new Date(at).toISOString()} ${what}`)
  } catch (error) {
    console.log(`${what}: ${(error as Error).message}`)
  }
}

if (scriptMode) {
  const every = everyMs
  let i = 0
  console.log(`脚本模式：每 ${every} ms 拿起/放回一件展品 / script mode: lift/replace one exhibit every ${every} ms`)
  setInterval(() => {
    const t = tags[Math.floor(i / 2) % tags.length]
    if (i % 2 === 0) act(`拿起 / lift ${t.epc}`, () => sim.lift(t.epc, "rssi"))
    else act(`放回 / replace ${t.epc}`, () => sim.replace(t.epc))
    i += 1
  }, every)
} else if (process.stdin.isTTY) {
  console.log("按键 / keys: 1–9 拿起 lift (RSSI), shift+1–9 静默拿起 lift (silence), r 全部放回 replace all, l 列表 list, q 退出 quit")
  process.stdin.setRawMode(true)
  process.stdin.setEncoding("utf8")
  process.stdin.on("data", (key: string) => {
    const shifted = "!@#$%^&*(".indexOf(key)
    if (key === "q" || key === "\u0003") void sim.close().then(() => process.exit(0))
    else if (key === "l") for (const t of sim.tags()) console.log(`  ${t.epc} @${t.antenna} ${t.state}`)
    else if (key === "r") {
      for (const t of sim.tags()) if (t.state !== "on") act(`放回 / replace ${t.epc}`, () => sim.replace(t.epc))
    } else if (/^[1-9]$/.test(key) && tags[Number(key) - 1]) {
      const t = tags[Number(key) - 1]
      act(`拿起 / lift ${t.epc}`, () => sim.lift(t.epc, "rssi"))
    } else if (shifted >= 0 && tags[shifted]) {
      const t = tags[shifted]
      act(`静默拿起 / lift by silence ${t.epc}`, () => sim.lift(t.epc, "silence"))
    }
  })
}
const stop = async () => {
  await sim.close()
  process.exit(0)
}
process.on("SIGINT", () => void stop())
process.on("SIGTERM", () => void stop())
