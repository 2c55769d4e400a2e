import { invitationStatus, type InvitationStatus, type LimitPeriod, type MemberRole, type OrganizationStatus, type OrganizationType } from "./organization-rules"

/**
 * What the API answers for organisations, members and invitations: amounts as numbers of yuan
 * (Medusa's big numbers come back as numbers or numeric strings), dates as ISO strings, and never
 * an invitation's token hash.
 */

type Amount = number | string | { valueOf(): number | string } | null | undefined

export function amount(value: Amount): number | null {
  if (value === null || value === undefined) return null
  const number = Number(typeof value === "object" ? value.valueOf() : value)
  return Number.isFinite(number) ? number : null
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

export interface OrganizationRecord {
  id: string
  name: string
  type: OrganizationType
  credit_code: string | null
  status: OrganizationStatus
  annual_budget?: Amount
  budget_year?: number | null
  created_at?: Date | string | null
  updated_at?: Date | string | null
}

export function publicOrganization(organization: OrganizationRecord) {
  return {
    id: organization.id,
    name: organization.name,
    type: organization.type,
    credit_code: organization.credit_code ?? null,
    status: organization.status,
    annual_budget: amount(organization.annual_budget),
    budget_year: organization.budget_year ?? null,
    currency_code: "cny" as const,
    created_at: iso(organization.created_at),
    updated_at: iso(organization.updated_at),
  }
}

export interface MemberRecord {
  id: string
  customer_id: string
  role: MemberRole
  limit_per_order?: Amount
  limit_per_period?: Amount
  limit_period?: LimitPeriod | null
  organization_id?: string
  created_at?: Date | string | null
  customer?: { email?: string | null; first_name?: string | null; last_name?: string | null } | null
}

export function publicMember(member: MemberRecord) {
  return {
    id: member.id,
    customer_id: member.customer_id,
    email: member.customer?.email ?? null,
    first_name: member.customer?.first_name ?? null,
    last_name: member.customer?.last_name ?? null,
    role: member.role,
    limit_per_order: amount(member.limit_per_order),
    limit_per_period: amount(member.limit_per_period),
    limit_period: member.limit_period ?? null,
    created_at: iso(member.created_at),
  }
}

export interface InvitationRecord {
  id: string
  email: string
  role: MemberRole
  expires_at: Date | string
  accepted_at?: Date | string | null
  invited_by?: string | null
  created_at?: Date | string | null
}

export interface PublicInvitation {
  id: string
  email: string
  role: MemberRole
  status: InvitationStatus
  expires_at: string
  accepted_at: string | null
  invited_by: string | null
  created_at: string | null
}

export function publicInvitation(invitation: InvitationRecord, now = new Date()): PublicInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    expires_at: new Date(invitation.expires_at).toISOString(),
    accepted_at: iso(invitation.accepted_at),
    invited_by: invitation.invited_by ?? null,
    created_at: iso(invitation.created_at),
  }
}
