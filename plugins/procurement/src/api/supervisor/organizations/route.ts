import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exactLikePattern } from "../../../lib/organization-rules"
import { organizations } from "../../../lib/organization-service"
import type { SupervisorChoicesQueryType } from "../validators"

/**
 * GET /supervisor/organizations?q&limit&offset — buyer organisations for the filters, by name:
 * `{ organizations: [{ id, name, type, credit_code, status }], count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorChoicesQueryType>, res: MedusaResponse) {
  const { q, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (q) {
    const pattern = `%${exactLikePattern(q)}%`
    filters.$or = [{ name: { $ilike: pattern } }, { credit_code: { $ilike: pattern } }]
  }
  const [rows, count] = await organizations(req.scope).listAndCountOrganizations(filters, {
    select: ["id", "name", "type", "credit_code", "status"],
    take: limit,
    skip: offset,
    order: { name: "ASC", id: "ASC" },
  })
  res.json({
    organizations: rows.map((o) => ({ id: o.id, name: o.name, type: o.type, credit_code: o.credit_code ?? null, status: o.status })),
    count,
    limit,
    offset,
  })
}
