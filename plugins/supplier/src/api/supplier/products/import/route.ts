import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CsvFileError } from "../../../../lib/listing-csv"
import { importListingsCsv } from "../../../../lib/listing-import"
import { supplierOf } from "../../../../lib/supplier-context"

/**
 * Bulk import (批量导入) from CSV, sent as `text/csv` or as multipart field `file` (≤ 5 MB,
 * ≤ 5,000 rows). The columns are documented in lib/listing-csv.ts: title, kind,
 * category_handle, price_cny, description (required); subtitle, sku, variant_title, brand,
 * model, specs (`key=value;key=value`), stock, location_id, image_urls, rental_* and service_*.
 *
 * Each valid row becomes a pending listing exactly like POST /supplier/products (draft product,
 * links, stock, a "create" change), created in chunks of 100, each chunk one workflow, so a row
 * is never half-created. Answers `{ created, errors: [{ line, reason }], products: [{ line, id,
 * handle }], took_ms }`; line numbers are the file's (header = line 1).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const csv = (req as unknown as { csvText?: string }).csvText ?? ""
  try {
    const result = await importListingsCsv(req.scope, { supplier_id: supplier.id, member_id: member.id, csv })
    res.status(result.created ? 201 : 200).json(result)
  } catch (error) {
    if (error instanceof CsvFileError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }
}
