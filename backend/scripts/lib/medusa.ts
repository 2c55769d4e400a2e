import { spawn, type ChildProcess } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { BACKEND_DIR, MEDUSA_BUILD_DIR, MEDUSA_CLI, PLUGINS_DIR, ROOT_DIR, STOREFRONT_DIR } from "./paths"

export interface RunOptions {
  cwd?: string
  env: NodeJS.ProcessEnv
  /** Where the child's output goes: inherit the terminal, or append to a log file. */
  output?: "inherit" | { file: string }
  label?: string
}

/** Runs `medusa <args>` to completion; rejects with the tail of its output on failure. */
export async function runMedusa(args: string[], options: RunOptions): Promise<void> {
  const child = spawnMedusa(args, options)
  const code: number | null = await new Promise((resolve) => child.on("exit", resolve))
  if (code !== 0) {
    const where = options.output && options.output !== "inherit" ? ` (log: ${options.output.file})` : ""
    const tail = options.output && options.output !== "inherit" ? tailOf(options.output.file) : ""
    throw new Error(`medusa ${args.join(" ")} failed with exit code ${code}${where}\n${tail}`)
  }
}

/** The terminal, or a log file appended to. */
function stdioFor(output: RunOptions["output"] = "inherit"): "inherit" | ["ignore", number, number] {
  if (output === "inherit") return "inherit"
  fs.mkdirSync(path.dirname(output.file), { recursive: true })
  const fd = fs.openSync(output.file, "a")
  return ["ignore", fd, fd]
}

export function spawnMedusa(args: string[], options: RunOptions): ChildProcess {
  return spawn(process.execPath, [MEDUSA_CLI, ...args], {
    cwd: options.cwd ?? BACKEND_DIR,
    env: { MEDUSA_DISABLE_TELEMETRY: "true", ...options.env },
    stdio: stdioFor(options.output),
  })
}

function tailOf(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** Every workspace package under plugins/ (each a Medusa plugin). */
export function pluginDirs(): string[] {
  return fs
    .readdirSync(PLUGINS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PLUGINS_DIR, entry.name, "package.json")))
    .map((entry) => path.join(PLUGINS_DIR, entry.name))
}

/** A hash of the files a build depends on, so an unchanged tree is not rebuilt. */
function treeHash(dirs: string[], extraFiles: string[] = []): string {
  const hash = crypto.createHash("sha256")
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (["node_modules", ".medusa", ".cache"].includes(entry.name)) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) visit(full)
      else {
        hash.update(path.relative(ROOT_DIR, full))
        hash.update(fs.readFileSync(full))
      }
    }
  }
  dirs.forEach(visit)
  for (const file of extraFiles) if (fs.existsSync(file)) hash.update(fs.readFileSync(file))
  return hash.digest("hex")
}

async function buildIfChanged(stampFile: string, inputs: string[], extraFiles: string[], build: () => Promise<void>) {
  const hash = treeHash(inputs, extraFiles)
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === hash) return false
  await build()
  // A plugin with no source yet builds nothing, so its output folder may not exist.
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, hash)
  return true
}

const LOCKFILE = path.join(ROOT_DIR, "package-lock.json")

/**
 * Compiles each plugin into its `.medusa/server` (what Medusa loads). Admin extensions are
 * bundled only for plugins that have them; `medusa plugin:build` would fail on the others.
 */
export async function buildPlugins(log: (line: string) => void = console.log): Promise<void> {
  const { Compiler } = await import("@medusajs/framework/build-tools")
  const { logger } = await import("@medusajs/framework/logger")
  for (const dir of pluginDirs()) {
    const name = path.basename(dir)
    await buildIfChanged(path.join(dir, ".medusa", "build-stamp"), [path.join(dir, "src")], [path.join(dir, "package.json"), path.join(dir, "tsconfig.json"), LOCKFILE], async () => {
      log(`building plugin ${name}…`)
      const compiler = new Compiler(dir, logger)
      const tsConfig = await compiler.loadTSConfigFile()
      if (!tsConfig) throw new Error(`plugin ${name}: unreadable tsconfig.json`)
      const backendOk = await compiler.buildPluginBackend(tsConfig)
      if (!backendOk) throw new Error(`plugin ${name}: TypeScript build failed (see the errors above)`)
      const adminDir = path.join(dir, "src", "admin")
      if (fs.existsSync(adminDir) && fs.readdirSync(adminDir).some((name) => !name.startsWith("."))) {
        const bundler = await import("@medusajs/admin-bundler")
        // The admin bundler resolves src/admin against the working directory, not the plugin.
        const cwd = process.cwd()
        process.chdir(dir)
        try {
          if (!(await compiler.buildPluginAdminExtensions(bundler))) throw new Error(`plugin ${name}: admin build failed`)
        } finally {
          process.chdir(cwd)
        }
      }
    })
  }
}

/** `medusa build` (backend + admin dashboard) into backend/.medusa/server, when sources changed. */
export async function buildBackend(env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<boolean> {
  const inputs = [path.join(BACKEND_DIR, "src"), ...pluginDirs().map((dir) => path.join(dir, "src"))]
  const extra = [path.join(BACKEND_DIR, "medusa-config.ts"), path.join(BACKEND_DIR, "tsconfig.json"), LOCKFILE]
  return buildIfChanged(path.join(BACKEND_DIR, ".medusa", "build-stamp"), inputs, extra, async () => {
    log("building backend and admin dashboard (about a minute)…")
    await runMedusa(["build"], { env, output: "inherit" })
    if (!fs.existsSync(path.join(MEDUSA_BUILD_DIR, "medusa-config.js"))) {
      throw new Error("medusa build produced no .medusa/server/medusa-config.js")
    }
  })
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 180_000, path = "/health"): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited: number | null | undefined
  child.once("exit", (code) => (exited = code))
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the process behind ${baseUrl} exited with code ${exited} before it became healthy`)
    try {
      const response = await fetch(`${baseUrl}${path}`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${baseUrl}${path} did not answer within ${timeoutMs / 1000} s`)
}

export function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.once("exit", () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill("SIGTERM")
  })
}

/** `remix vite:build` of the storefront, when its sources changed. */
export async function buildStorefront(log: (line: string) => void = console.log): Promise<boolean> {
  const inputs = [path.join(STOREFRONT_DIR, "app"), path.join(STOREFRONT_DIR, "public")]
  const extra = ["vite.config.ts", "package.json", "server.js", "tsconfig.json"].map((f) => path.join(STOREFRONT_DIR, f)).concat(LOCKFILE)
  return buildIfChanged(path.join(STOREFRONT_DIR, "build", ".build-stamp"), inputs, extra, async () => {
    log("building storefront…")
    const cli = require.resolve("@remix-run/dev/dist/cli.js", { paths: [STOREFRONT_DIR] })
    // NODE_ENV decides which React build is bundled: never ship the development one (under vitest
    // the parent's NODE_ENV is "test").
    const child = spawn(process.execPath, [cli, "vite:build"], {
      cwd: STOREFRONT_DIR,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    const code: number | null = await new Promise((resolve) => child.on("exit", resolve))
    if (code !== 0) throw new Error(`storefront build failed (exit ${code}):\n${output.slice(-3000)}`)
  })
}

/** The built storefront (Express + Remix) on the given port. */
export function spawnStorefront(options: { port: number; env: NodeJS.ProcessEnv; output: RunOptions["output"] }): ChildProcess {
  return spawn(process.execPath, ["server.js"], {
    cwd: STOREFRONT_DIR,
    env: { ...options.env, PORT: String(options.port), NODE_ENV: "production" },
    stdio: stdioFor(options.output),
  })
}
