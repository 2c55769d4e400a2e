import fs from "node:fs"
import path from "node:path"
import { freePort } from "../../backend/scripts/lib/database"
import { BACKEND_DIR, PLUGINS_DIR } from "../../backend/scripts/lib/paths"
import { makeRunDir, NpmStartRun } from "../support/npm-start"

/**
 * Startup benchmark: `npm start` on a fresh data folder (migrations + seed), then a restart of
 * the same folder, each followed by Ctrl-C. Prints a Markdown table.
 *
 *   npm run bench -- [--runs N] [--cold-build]
 *
 * --cold-build removes the build stamps first, so the first start includes `medusa build`
 * (backend + admin dashboard) as on a fresh clone.
 */
interface Sample {
  phase: string
  readySeconds: number
  rssMiB: number | null
  stopSeconds: number
}

async function measure(phase: string, dataDir: string, envFile: string, port: number): Promise<Sample> {
  const started = Date.now()
  const run = new NpmStartRun(dataDir, envFile, { backend: port, storefront: await freePort() }, await freePort())
  await run.waitFor("Press Ctrl-C to stop.", 1_200_000)
  const readySeconds = (Date.now() - started) / 1000
  const rssMiB = run.backendRssMiB()
  const stopping = Date.now()
  await run.ctrlC()
  const stopSeconds = (Date.now() - stopping) / 1000
  if (run.leftoverProcesses().length) throw new Error(`processes left after Ctrl-C: ${run.leftoverProcesses().join("; ")}`)
  return { phase, readySeconds, rssMiB, stopSeconds }
}

function removeBuildStamps() {
  const stamps = [path.join(BACKEND_DIR, ".medusa", "build-stamp")]
  for (const plugin of fs.readdirSync(PLUGINS_DIR)) stamps.push(path.join(PLUGINS_DIR, plugin, ".medusa", "build-stamp"))
  for (const stamp of stamps) fs.rmSync(stamp, { force: true })
}

async function main() {
  const args = process.argv.slice(2)
  const runsAt = args.indexOf("--runs")
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of at least 1")
  const coldBuild = args.includes("--cold-build")
  const samples: Sample[] = []
  for (let i = 0; i < runs; i++) {
    if (coldBuild) removeBuildStamps()
    const { runDir, dataDir, envFile } = makeRunDir("gwc-bench-")
    const port = await freePort()
    try {
      samples.push(await measure(coldBuild ? "first start (build + migrate + seed)" : "first start (migrate + seed)", dataDir, envFile, port))
      samples.push(await measure("restart (data kept, no seed)", dataDir, envFile, port))
    } finally {
      fs.rmSync(runDir, { recursive: true, force: true })
    }
  }
  console.log("\n| phase | ready (s) | backend RSS after ready (MiB) | Ctrl-C to all stopped (s) |")
  console.log("|---|---|---|---|")
  for (const s of samples) {
    console.log(`| ${s.phase} | ${s.readySeconds.toFixed(1)} | ${s.rssMiB ?? "?"} | ${s.stopSeconds.toFixed(1)} |`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
