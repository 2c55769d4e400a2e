import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { freePort } from "../../backend/scripts/lib/database"
import { waitForHealth } from "../../backend/scripts/lib/medusa"
import { BACKEND_DIR, MEDUSA_CLI } from "../../backend/scripts/lib/paths"
import { testStack } from "./stack"

/** A second `medusa start` on the test stack's database, which a test may kill and start again. */
export interface BackendProcess {
  url: string
  port: number
  child: ChildProcess
  output: () => string
}

/** `medusa start` on the test database, as its own process group (so a kill takes all of it). */
export async function startBackend(label: string, env: Record<string, string> = {}, port?: number): Promise<BackendProcess> {
  const listenPort = port ?? (await freePort())
  const logFile = path.join(testStack().logDir, `backend-${label}.log`)
  const log = fs.openSync(logFile, "a")
  let output = ""
  const child = spawn(process.execPath, [MEDUSA_CLI, "start", "--port", String(listenPort)], {
    cwd: BACKEND_DIR,
    env: { ...process.env, ...testStack().env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
    fs.writeSync(log, chunk)
  }
  child.stdout!.on("data", keep)
  child.stderr!.on("data", keep)
  child.once("exit", () => fs.closeSync(log))
  const url = `http://localhost:${listenPort}`
  await waitForHealth(url, child, 240_000)
  return { url, port: listenPort, child, output: () => output }
}

/** SIGKILL to the whole process group: nothing gets to clean up, as in a power cut. */
export async function killBackend(backend: BackendProcess): Promise<void> {
  if (backend.child.exitCode !== null || backend.child.signalCode !== null) return
  const exited = new Promise((resolve) => backend.child.once("exit", resolve))
  process.kill(-backend.child.pid!, "SIGKILL")
  await exited
}
