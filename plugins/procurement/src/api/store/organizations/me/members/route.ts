import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listMembers } from "../../../../../lib/members-query"
import { organizationOf } from "../../../../../lib/organization-context"
import type { StoreListQueryType } from "../../validators"

/** GET /store/organizations/me/members — the caller's colleagues with roles and limits, oldest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListQueryType>, res: MedusaResponse) {
  const { organization } = organizationOf(req)
  const { limit, offset } = req.validatedQuery
  const { members, count } = await listMembers(req.scope, { organization_id: organization.id }, { skip: offset, take: limit })
  res.json({ members, count, limit, offset })
}
