import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberView } from "../../../../lib/members-query"
import { organizationOf } from "../../../../lib/organization-context"
import { publicOrganization } from "../../../../lib/organization-view"

/** GET /store/organizations/me — the caller's organisation and their own membership (role, limits); 404 without one. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { organization, member } = organizationOf(req)
  res.json({ organization: publicOrganization(organization), member: await memberView(req.scope, organization.id, member.id) })
}
