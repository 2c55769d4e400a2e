import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSeedProgress, defaultMediaDir, generateCatalogue, seedDemo } from "@gongwucang/seed"

/**
 * `medusa exec scripts/exec/seed-demo.ts` — writes the demo data. Idempotent.
 * Reads GWC_DATA_DIR (media), ADMIN_EMAIL/ADMIN_PASSWORD, SUPPLIER_PASSWORD (the seeded
 * suppliers' logins), SEED_NUMBER; writes a JSON summary
 * to GWC_SEED_REPORT when set.
 */
export default async function seedDemoScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const dataDir = process.env.GWC_DATA_DIR
  const email = process.env.ADMIN_EMAIL
  const password = process.env.ADMIN_PASSWORD
  const supplierPassword = process.env.SUPPLIER_PASSWORD
  if (!dataDir || !email || !password || !supplierPassword) {
    throw new Error("seed-demo needs GWC_DATA_DIR, ADMIN_EMAIL, ADMIN_PASSWORD and SUPPLIER_PASSWORD")
  }
  const seedNumber = Number(process.env.SEED_NUMBER ?? 20261122)
  if (!Number.isSafeInteger(seedNumber)) throw new Error(`SEED_NUMBER must be an integer, got ${process.env.SEED_NUMBER}`)

  const startedAt = Date.now()
  const summary = await seedDemo({
    container,
    catalogue: generateCatalogue(seedNumber),
    mediaDir: defaultMediaDir(dataDir),
    admin: { email, password },
    supplierPassword,
    progress: createSeedProgress(),
  })
  const report = { ...summary, seconds: (Date.now() - startedAt) / 1000 }
  logger.info(`seed finished: ${JSON.stringify(report)}`)
  if (process.env.GWC_SEED_REPORT) {
    fs.mkdirSync(path.dirname(process.env.GWC_SEED_REPORT), { recursive: true })
    fs.writeFileSync(process.env.GWC_SEED_REPORT, JSON.stringify(report, null, 2))
  }
}
