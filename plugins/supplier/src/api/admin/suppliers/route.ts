import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SUPPLIER_MODULE } from "../../../modules/supplier"
import type SupplierModuleService from "../../../modules/supplier/service"
import type { AdminListSuppliers } from "../../validators"

/** The operator's supplier list (供应商列表), newest first, filtered by status, region or name/code. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, q, region, limit, offset } = req.validatedQuery as unknown as AdminListSuppliers
  const service = req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (region) filters.region = { $ilike: `%${region}%` }
  if (q) filters.$or = [{ company_name: { $ilike: `%${q}%` } }, { credit_code: { $ilike: `%${q}%` } }, { code: { $ilike: `%${q}%` } }]
  const [suppliers, count] = await service.listAndCountSuppliers(filters, { take: limit, skip: offset, order: { created_at: "DESC" } })
  res.json({ suppliers, count, limit, offset })
}
