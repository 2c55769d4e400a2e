import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { seesWholeOrganization } from "./approval-rules"
import { approvals } from "./approval-service"
import { APPROVAL_MESSAGES } from "./messages"
import type { OrganizationContext } from "./organization-context"
import type { ApprovalRequestRecord } from "./spending"

/**
 * The requests a member may read: the whole organisation's for approvers and admins, their own
 * for purchasers. Anything else (another organisation's, a colleague's for a purchaser) is 404.
 */
export function approvalFilters(context: OrganizationContext): Record<string, unknown> {
  const filters: Record<string, unknown> = { organization_id: context.organization.id }
  if (!seesWholeOrganization(context.member.role)) filters.requested_by_member_id = context.member.id
  return filters
}

export async function visibleApprovalRequest(container: MedusaContainer, context: OrganizationContext, id: string): Promise<ApprovalRequestRecord> {
  const [request] = await approvals(container).listApprovalRequests({ ...approvalFilters(context), id }, { take: 1 })
  if (!request) throw new MedusaError(MedusaError.Types.NOT_FOUND, APPROVAL_MESSAGES.request_not_found(id))
  return request as unknown as ApprovalRequestRecord
}
