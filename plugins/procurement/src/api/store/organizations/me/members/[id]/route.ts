import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { memberView } from "../../../../../../lib/members-query"
import { organizationOf } from "../../../../../../lib/organization-context"
import { updateOrganizationMemberWorkflow } from "../../../../../../workflows/update-organization-member"
import type { StoreUpdateOrganizationMemberType } from "../../../validators"

/**
 * POST /store/organizations/me/members/:id `{ role?, limit_per_order?, limit_per_period?, limit_period? }`
 * — an admin sets a colleague's role and spending limits (null removes a limit). 403 for a
 * non-admin, 404 for a member of another organisation, 400 naming the field for limits that do
 * not fit together, 409 when the last admin would step down. Answers `{ member }`.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreUpdateOrganizationMemberType>, res: MedusaResponse) => {
  const { organization } = organizationOf(req)
  const { role, ...limits } = req.validatedBody
  await updateOrganizationMemberWorkflow(req.scope).run({
    input: { organization_id: organization.id, member_id: req.params.id, role, limits, actor_customer_id: req.auth_context.actor_id },
  })
  res.json({ member: await memberView(req.scope, organization.id, req.params.id) })
})
