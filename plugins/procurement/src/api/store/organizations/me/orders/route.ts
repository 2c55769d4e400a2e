import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seesWholeOrganization } from "../../../../../lib/approval-rules"
import { organizationOf } from "../../../../../lib/organization-context"
import { organizations } from "../../../../../lib/organization-service"
import { amount } from "../../../../../lib/organization-view"
import type { StoreListOrganizationOrdersType } from "../../../approvals-validators"

interface QueriedOrder {
  id: string
  display_id: number | null
  created_at: Date | string
  total?: unknown
  currency_code: string
  status: string
  customer?: { email?: string | null; first_name?: string | null; last_name?: string | null } | null
  approval_request?: { id: string } | null
}

/**
 * GET /store/organizations/me/orders?limit&offset — newest first: the orders of every member of
 * the organisation for approvers and admins, the caller's own for purchasers, each with the
 * approval request it was placed under (approval_request ↔ order link).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListOrganizationOrdersType>, res: MedusaResponse) {
  const { member, organization } = organizationOf(req)
  const { limit, offset } = req.validatedQuery
  const customerIds = seesWholeOrganization(member.role)
    ? (await organizations(req.scope).listOrganizationMembers({ organization_id: organization.id }, { select: ["customer_id"] })).map((m) => m.customer_id)
    : [member.customer_id]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "total", "currency_code", "status", "customer.email", "customer.first_name", "customer.last_name", "approval_request.id"],
    filters: { customer_id: customerIds, is_draft_order: false } as Record<string, unknown>,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const orders = (data as unknown as QueriedOrder[]).map((order) => ({
    id: order.id,
    display_id: order.display_id ?? null,
    created_at: new Date(order.created_at).toISOString(),
    total: amount(order.total as number) ?? 0,
    currency_code: order.currency_code,
    status: order.status,
    customer: {
      email: order.customer?.email ?? null,
      first_name: order.customer?.first_name ?? null,
      last_name: order.customer?.last_name ?? null,
    },
    approval_request_id: order.approval_request?.id ?? null,
  }))
  res.json({ orders, count: metadata?.count ?? orders.length, limit, offset })
}
