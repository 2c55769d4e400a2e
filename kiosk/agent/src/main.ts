/**
 * `npm run kiosk:agent` — runs the kiosk agent.
 *   GWC_KIOSK_BACKEND_URL   backend base URL (default http://localhost:9000)
 *   GWC_KIOSK_KEY           this kiosk's key (default: demo kiosk A from npm start's .data/dev-stack.json)
 *   GWC_KIOSK_AGENT_PORT    HTTP port (default 8100; the backend's kiosk CORS origin is :8100)
 *   GWC_KIOSK_AGENT_HOST    bind address (default 127.0.0.1)
 *   GWC_KIOSK_READER        llrp://host:port[?name=reader-a] | wedge | serial:///dev/ttyUSB0?baud=9600 | none
 *   GWC_KIOSK_DATA_DIR      queue, media cache, kiosk identity (default kiosk/.data)
 *   GWC_KIOSK_APP_DIR       the built app (default kiosk/app/dist)
 *   GWC_KIOSK_LIFT_MS       silence before a tag counts as lifted (default 1500)
 *   GWC_KIOSK_RSSI_DROP_DB  RSSI drop that counts as lifted (default 10)
 *   GWC_KIOSK_MEDIA_ORIGINS extra image origins /media may proxy (comma separated)
 */
import path from "node:path"
import { KIOSK_DIR, startAgent } from "./agent"
import { demoKiosk } from "./demo-stack"
import { parseReaderSpec } from "./readers"

const env = process.env
// Without a key: demo kiosk A of the platform `npm start` runs (its facts file lists the keys).
const demo = env.GWC_KIOSK_KEY ? null : demoKiosk()
const key = env.GWC_KIOSK_KEY ?? demo?.key
if (!key) {
  console.error("缺少 GWC_KIOSK_KEY（在管理后台「触摸屏设备」创建触摸屏获得）/ GWC_KIOSK_KEY is required (create a kiosk in Admin → Kiosks)")
  process.exit(2)
}
let reader
try {
  reader = parseReaderSpec(env.GWC_KIOSK_READER)
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined)

const agent = await startAgent({
  backendUrl: env.GWC_KIOSK_BACKEND_URL ?? demo?.backendUrl ?? "http://localhost:9000",
  kioskKey: key,
  port: num(env.GWC_KIOSK_AGENT_PORT) ?? 8100,
  host: env.GWC_KIOSK_AGENT_HOST ?? "127.0.0.1",
  reader,
  dataDir: env.GWC_KIOSK_DATA_DIR ?? path.join(KIOSK_DIR, ".data"),
  appDir: env.GWC_KIOSK_APP_DIR,
  liftAfterMs: num(env.GWC_KIOSK_LIFT_MS),
  rssiDropDb: num(env.GWC_KIOSK_RSSI_DROP_DB),
})
console.log(`触摸屏应用 / kiosk app: ${agent.url}  (触摸屏 / kiosk: ${agent.kioskId || "未知 / unknown"}; 待发送事件 / queued events: ${agent.queueLength()})`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  console.log("正在停止 / stopping…")
  await agent.close()
  process.exit(0)
}
process.on("SIGINT", () => void stop())
process.on("SIGTERM", () => void stop())
