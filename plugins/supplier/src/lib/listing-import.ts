import type { MedusaContainer } from "@medusajs/framework/types"
import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
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
 * chunks of 100 (one workflow each, so a row is never half-created). If a chunk fails as a
 * whole, which the checks should have prevented, it is retried in halves so only the failing
 * rows are reported.
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
  // Each chunk's events (product, variant and stock "created": about three per listing) are held
  // while the import runs: their subscribers (search indexing, storefront cache notices) cost
  // about 50 ms each and, processed meanwhile, made a 1,000-row import five times slower. The
  // listings are drafts, so nothing public waits for these events; they are released afterwards,
  // spaced out (see releaseGradually). A failed chunk's events are dropped with it.
  const eventBus = scope.resolve(Modules.EVENT_BUS)
  const held: { group: string; listings: number }[] = []
  const logger = scope.resolve(ContainerRegistrationKeys.LOGGER)

  const run = async (rows: typeof accepted) => {
    const eventGroupId = `supplier-import-${randomUUID()}`
    try {
      const { result } = await createSupplierListingsWorkflow(scope).run({
        input: { supplier_id: input.supplier_id, member_id: input.member_id, source: "import", listings: rows.map((r) => r.listing) },
        context: { eventGroupId, preventReleaseEvents: true },
      })
      held.push({ group: eventGroupId, listings: rows.length })
      result.products.forEach((p, i) => products.push({ line: rows[i].line, id: p.id, handle: p.handle }))
    } catch (error) {
      await eventBus.clearGroupedEvents(eventGroupId)
      throw error
    }
  }
  // A chunk that fails as a whole (which the checks above should prevent) is split in halves
  // until the failing rows stand alone: their reasons are reported, the rest is created.
  const runOrSplit = async (rows: typeof accepted): Promise<void> => {
    try {
      await run(rows)
    } catch (error) {
      if (rows.length === 1) {
        errors.push({ line: rows[0].line, reason: (error as Error).message })
        return
      }
      logger.warn(`supplier import: ${rows.length} rows from line ${rows[0].line} failed together (${(error as Error).message}); retrying in halves`)
      const half = Math.ceil(rows.length / 2)
      await runOrSplit(rows.slice(0, half))
      await runOrSplit(rows.slice(half))
    }
  }

  try {
    for (let i = 0; i < accepted.length; i += IMPORT_CHUNK_SIZE) {
      const chunk = accepted.slice(i, i + IMPORT_CHUNK_SIZE)
      const chunkStarted = Date.now()
      await runOrSplit(chunk)
      logger.info(`supplier import: rows ${i + 1}–${i + chunk.length} of ${accepted.length} done in ${Date.now() - chunkStarted} ms`)
    }
  } finally {
    releaseGradually(eventBus, held, logger)
  }
  errors.sort((a, b) => a.line - b.line)
  products.sort((a, b) => a.line - b.line)
  return { created: products.length, errors, products, took_ms: Date.now() - started }
}

/** Spacing between released chunks, per listing: about what their subscribers take to process. */
const RELEASE_SPACING_MS_PER_LISTING = 150
/** Grouped events expire (the Redis event bus keeps them 10 minutes): release everything well before. */
const MAX_RELEASE_SPREAD_MS = 5 * 60_000

/**
 * Releases held event groups one after another in the background. With the in-process event
 * bus every released event's subscribers start at once; spacing the chunks keeps a big import
 * from queueing thousands of subscriber queries in front of everyone else's requests.
 */
function releaseGradually(eventBus: { releaseGroupedEvents(id: string): Promise<void> }, held: { group: string; listings: number }[], logger: { error(message: string): void }) {
  if (!held.length) return
  const total = held.reduce((n, h) => n + h.listings, 0)
  const perListing = Math.min(RELEASE_SPACING_MS_PER_LISTING, MAX_RELEASE_SPREAD_MS / total)
  void (async () => {
    for (const [i, { group }] of held.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, held[i - 1].listings * perListing))
      await eventBus.releaseGroupedEvents(group)
    }
  })().catch((error) => logger.error(`supplier import: releasing held events failed: ${(error as Error).message}`))
}
