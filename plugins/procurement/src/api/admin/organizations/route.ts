import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicOrganization } from "../../../lib/organization-view"
import { exactLikePattern } from "../../../lib/organization-rules"
import { organizations } from "../../../lib/organization-service"
import type { AdminListOrganizationsType } from "./validators"

/**
 * GET /admin/organizations?type=&status=&q=&limit=&offset= — the operator's list of buyer
 * organisations (采购单位), newest first, each with its number of members. `q` matches the name
 * or the credit code.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListOrganizationsType>, res: MedusaResponse) {
  const { type, status, q, limit, offset } = req.validatedQuery
  const service = organizations(req.scope)
  const filters: Record<string, unknown> = {}
  if (type) filters.type = type
  if (status) filters.status = status
  if (q) {
    const pattern = `%${exactLikePattern(q)}%`
    filters.$or = [{ name: { $ilike: pattern } }, { credit_code: { $ilike: pattern } }]
  }
  const [rows, count] = await service.listAndCountOrganizations(filters, { take: limit, skip: offset, order: { created_at: "DESC" } })
  const members = rows.length
    ? await service.listOrganizationMembers({ organization_id: rows.map((row) => row.id) }, { select: ["id", "organization_id"] })
    : []
  const memberCount = new Map<string, number>()
  for (const member of members) memberCount.set(member.organization_id, (memberCount.get(member.organization_id) ?? 0) + 1)
  res.json({
    organizations: rows.map((row) => ({ ...publicOrganization(row), member_count: memberCount.get(row.id) ?? 0 })),
    count,
    limit,
    offset,
  })
}
