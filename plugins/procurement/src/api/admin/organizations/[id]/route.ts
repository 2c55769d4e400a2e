import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { listMembers } from "../../../../lib/members-query"
import { ORGANIZATION_MESSAGES } from "../../../../lib/messages"
import { publicInvitation, publicOrganization } from "../../../../lib/organization-view"
import { organizations } from "../../../../lib/organization-service"

/** Most members and invitations the detail lists; `member_count` tells when there are more. */
const DETAIL_LIMIT = 500

/** GET /admin/organizations/:id — one organisation with its members (name, email, role, limits) and open invitations; 404 unknown. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = organizations(req.scope)
  const [organization] = await service.listOrganizations({ id: req.params.id }, { take: 1 })
  if (!organization) throw new MedusaError(MedusaError.Types.NOT_FOUND, ORGANIZATION_MESSAGES.organization_not_found(req.params.id))
  const [{ members, count }, invitations] = await Promise.all([
    listMembers(req.scope, { organization_id: organization.id }, { skip: 0, take: DETAIL_LIMIT }),
    service.listOrganizationInvitations({ organization_id: organization.id, accepted_at: null }, { order: { created_at: "DESC" }, take: DETAIL_LIMIT }),
  ])
  res.json({
    organization: { ...publicOrganization(organization), member_count: count, members, invitations: invitations.map((invitation) => publicInvitation(invitation)) },
  })
}
