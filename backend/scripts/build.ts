import { buildBackend, buildPlugins } from "./lib/medusa"

/** `npm run build`: plugins, then the backend with its admin dashboard (skipped when unchanged). */
async function main() {
  const log = (line: string) => console.log(`[gongwucang] ${line}`)
  await buildPlugins(log)
  const built = await buildBackend(process.env, log)
  log(built ? "build complete" : "build up to date")
}

main().catch((error) => {
  console.error(`[gongwucang] build failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
