import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ROOT_DIR } from "../../backend/scripts/lib/paths"

/**
 * Drives `npm start` exactly as a person runs it on a fresh machine: no DATABASE_URL (so the
 * embedded PostgreSQL), a data folder and `.env` of its own, in its own process group so that
 * Ctrl-C can be sent the way a terminal sends it.
 */
export class NpmStartRun {
  readonly child: ChildProcess
  readonly exited: Promise<number | null>
  private buffer = ""

  /** `database`: a free port for the embedded PostgreSQL, or a DATABASE_URL to use instead. */
  constructor(
    readonly dataDir: string,
    envFile: string,
    ports: { backend: number; storefront: number; kiosk?: number },
    database: number | { url: string }
  ) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(ports.backend),
      STOREFRONT_PORT: String(ports.storefront),
      // The demo kiosk's agent; without a port of its own it would want :8100.
      ...(ports.kiosk ? { GWC_KIOSK_AGENT_PORT: String(ports.kiosk) } : { GWC_DEMO_KIOSK: "0" }),
      GWC_DATA_DIR: dataDir,
      GWC_ENV_FILE: envFile,
    }
    delete env.DATABASE_URL
    delete env.NODE_ENV
    if (typeof database === "number") env.EMBEDDED_PG_PORT = String(database)
    else env.DATABASE_URL = database.url
    this.child = spawn("npm", ["start"], { cwd: ROOT_DIR, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    this.child.stdout!.on("data", (chunk) => (this.buffer += chunk))
    this.child.stderr!.on("data", (chunk) => (this.buffer += chunk))
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)))
  }

  output(): string {
    return this.buffer
  }

  async waitFor(text: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let exitCode: number | null | undefined
    void this.exited.then((code) => (exitCode = code))
    while (Date.now() < deadline) {
      if (this.buffer.includes(text)) return
      if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}) before "${text}":\n${this.buffer.slice(-4000)}`)
      await sleep(250)
    }
    throw new Error(`timed out waiting for "${text}":\n${this.buffer.slice(-4000)}`)
  }

  /**
   * Ctrl-C: SIGINT to every process in the group. npm dies of the signal at once; the start
   * script then stops the backend and PostgreSQL and prints "stopped". Resolves when it has and
   * no process of the run remains (or after the timeout).
   */
  async ctrlC(timeoutMs = 60_000): Promise<void> {
    try {
      process.kill(-this.child.pid!, "SIGINT")
    } catch {
      return // the group is gone already
    }
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline && (!this.buffer.includes("[gongwucang] stopped") || this.leftoverProcesses().length)) {
      await sleep(250)
    }
  }

  /** Processes still running that belong to this run: postgres on its data dir, or Medusa. */
  leftoverProcesses(): string[] {
    return processesMatching((cmdline, environ) => cmdline.includes(this.dataDir) || environ.includes(`GWC_DATA_DIR=${this.dataDir}\0`))
  }

  /** Resident memory of the backend (the `medusa start` process of this run), in MiB. */
  backendRssMiB(): number | null {
    for (const pid of pidsMatching((cmdline, environ) => cmdline.includes(" start --port ") && environ.includes(`GWC_DATA_DIR=${this.dataDir}\0`))) {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
      const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1])
      if (kib) return Math.round(kib / 1024)
    }
    return null
  }
}

export function makeRunDir(prefix: string): { runDir: string; dataDir: string; envFile: string } {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  fs.chmodSync(runDir, 0o755) // the embedded PostgreSQL runs as the postgres user when we are root
  return { runDir, dataDir: path.join(runDir, "data"), envFile: path.join(runDir, ".env") }
}

function pidsMatching(test: (cmdline: string, environ: string) => boolean): string[] {
  const pids: string[] = []
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8")
      if (test(cmdline, environ)) pids.push(pid)
    } catch {
      // the process ended while we looked
    }
  }
  return pids
}

function processesMatching(test: (cmdline: string, environ: string) => boolean): string[] {
  return pidsMatching(test).map((pid) => {
    try {
      return `${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")}`
    } catch {
      return pid
    }
  })
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
