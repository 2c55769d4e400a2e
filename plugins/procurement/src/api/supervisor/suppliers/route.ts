import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { exactLikePattern } from "../../../lib/organization-rules"
import type { SupervisorChoicesQueryType } from "../validators"

/**
 * GET /supervisor/suppliers?q&limit&offset — suppliers (@gongwucang/supplier, read through Query)
 * for the filters: `{ suppliers: [{ id, name, code, status }], count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorChoicesQueryType>, res: MedusaResponse) {
  const { q, limit, offset } = req.validatedQuery
  const pattern = q ? `%${exactLikePattern(q)}%` : null
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "supplier",
    fields: ["id", "company_name", "code", "status"],
    filters: pattern ? { $or: [{ company_name: { $ilike: pattern } }, { code: { $ilike: pattern } }] } : {},
    pagination: { skip: offset, take: limit, order: { company_name: "ASC" } },
  })
  res.json({
    suppliers: (data as Record<string, string>[]).map((s) => ({ id: s.id, name: s.company_name, code: s.code, status: s.status })),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}
