import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSupplierListingsWorkflow } from "../workflows/create-listings"
import { parseListingCsv } from "./listing-csv"
import { loadListingContext, prepareListing, skuTakenError, takenSkus, type PreparedListing } from "./listing-prepare"

/** Listings per create-listings workflow run: one run is all-or-nothing, so a row is never half-created. */
export const IMPORT_CHUNK_SIZE = 100

export interface ImportResult {
  created: number
  errors: { line: number; reason: string }[]
  products: { line: number; id: string; handle: string }[]
  took_ms: number
}

/**
 * Runs a CSV import for a supplier: parse and check every row, then create the good rows in
 * chunks of 100 (one workflow each). If a chunk fails as a whole, which checks should have
 * prevented, its rows are retried one by one so only the failing rows are reported.
 */
export async function importListingsCsv(scope: MedusaContainer, input: { supplier_id: string; member_id: string; csv: string }): Promise<ImportResult> {
  const started = Date.now()
  const ctx = await loadListingContext(scope, input.supplier_id)
  const rows = parseListingCsv(input.csv, { defaultLocationId: ctx.locationIds.size === 1 ? [...ctx.locationIds][0] : null })
  const errors: ImportResult["errors"] = []
  const ready: { line: number; listing: PreparedListing }[] = []
  for (const row of rows) {
    if (!row.input) {
      errors.push({ line: row.line, reason: row.error ?? "invalid row" })
      continue
    }
    const prepared = await prepareListing(ctx, row.input)
    if ("error" in prepared) errors.push({ line: row.line, reason: prepared.error })
    else ready.push({ line: row.line, listing: prepared.listing })
  }

  // SKUs must be free in the catalogue and used once in the file (the first row keeps it).
  const skusOf = (l: PreparedListing) => (l.product.variants ?? []).map((v) => v.sku).filter((s): s is string => !!s)
  const taken = await takenSkus(scope, ready.flatMap((r) => skusOf(r.listing)))
  const firstLine = new Map<string, number>()
  const accepted = ready.filter((row) => {
    for (const sku of skusOf(row.listing)) {
      if (taken.has(sku)) {
        errors.push({ line: row.line, reason: skuTakenError(sku) })
        return false
      }
      const first = firstLine.get(sku)
      if (first !== undefined) {
        errors.push({ line: row.line, reason: `SKU ${sku} 与第 ${first} 行重复 / SKU ${sku} is also used on line ${first}` })
        return false
      }
    }
    for (const sku of skusOf(row.listing)) firstLine.set(sku, row.line)
    return true
  })

  const products: ImportResult["products"] = []
  const run = async (chunk: typeof accepted) => {
    const { result } = await createSupplierListingsWorkflow(scope).run({
      input: { supplier_id: input.supplier_id, member_id: input.member_id, source: "import", listings: chunk.map((r) => r.listing) },
    })
    result.products.forEach((p, i) => products.push({ line: chunk[i].line, id: p.id, handle: p.handle }))
  }
  const logger = scope.resolve(ContainerRegistrationKeys.LOGGER)
  for (let i = 0; i < accepted.length; i += IMPORT_CHUNK_SIZE) {
    const chunk = accepted.slice(i, i + IMPORT_CHUNK_SIZE)
    try {
      await run(chunk)
    } catch (error) {
      logger.warn(`supplier import: a chunk of ${chunk.length} rows failed (${(error as Error).message}); retrying row by row`)
      for (const row of chunk) {
        try {
          await run([row])
        } catch (rowError) {
          errors.push({ line: row.line, reason: (rowError as Error).message })
        }
      }
    }
  }
  errors.sort((a, b) => a.line - b.line)
  products.sort((a, b) => a.line - b.line)
  return { created: products.length, errors, products, took_ms: Date.now() - started }
}
