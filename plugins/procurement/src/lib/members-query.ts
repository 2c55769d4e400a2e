import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { publicMember, type MemberRecord } from "./organization-view"

const MEMBER_FIELDS = [
  "id",
  "customer_id",
  "organization_id",
  "role",
  "limit_per_order",
  "limit_per_period",
  "limit_period",
  "created_at",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
]

/**
 * Members of one organisation with their customers' names and emails, through the
 * organization_member ↔ customer link (customers belong to Medusa's customer module).
 */
export async function listMembers(
  scope: MedusaContainer,
  filters: { organization_id: string; id?: string },
  page: { skip: number; take: number } = { skip: 0, take: 1 }
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "organization_member",
    fields: MEMBER_FIELDS,
    filters,
    pagination: { skip: page.skip, take: page.take, order: { created_at: "ASC" } },
  })
  return { members: (data as MemberRecord[]).map(publicMember), count: metadata?.count ?? data.length }
}

export async function memberView(scope: MedusaContainer, organizationId: string, memberId: string) {
  const { members } = await listMembers(scope, { organization_id: organizationId, id: memberId })
  return members[0] ?? null
}
