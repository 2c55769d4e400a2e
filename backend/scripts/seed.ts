import { prepareStack, runSeed } from "./lib/stack-up"

/** `npm run seed`: migrate and (re-)run the idempotent demo seed against the configured database. */
async function main() {
  const log = (line: string) => console.log(`[gongwucang] ${line}`)
  const prepared = await prepareStack({ port: Number(process.env.PORT || 9000), mode: "source", output: "inherit", log })
  try {
    log("seeding demo data (creates only what is missing)…")
    await runSeed(prepared)
  } finally {
    await prepared.stop()
  }
}

main().catch((error) => {
  console.error(`[gongwucang] seed failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
