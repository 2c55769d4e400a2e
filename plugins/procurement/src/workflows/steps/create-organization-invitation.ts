import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { hashInvitationToken, newInvitationToken } from "../../lib/invitation-token"
import { ORGANIZATION_MESSAGES } from "../../lib/messages"
import { exactLikePattern, INVITATION_TTL_MS, type MemberRole } from "../../lib/organization-rules"
import { publicInvitation } from "../../lib/organization-view"
import { organizations } from "../../lib/organization-service"

export interface CreateOrganizationInvitationStepInput {
  organization_id: string
  invited_by: string
  /** Trimmed and in lower case. */
  email: string
  role: MemberRole
}

/**
 * Writes a 7-day invitation and returns its token once (only the hash is stored). Refuses (409)
 * an email whose account is already in this organisation, or that has a pending invitation.
 * Whether the account is in another organisation is not checked here, so inviting reveals
 * nothing about other tenants; accepting refuses it. Undone by deleting the invitation.
 */
export const createOrganizationInvitationStep = createStep(
  "organization-create-invitation",
  async (input: CreateOrganizationInvitationStepInput, { container }) => {
    const service = organizations(container)
    // Medusa keeps customers' emails as typed, so compare without case.
    const customers = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ email: { $ilike: exactLikePattern(input.email) } }, { select: ["id"] })
    if (customers.length) {
      const members = await service.listOrganizationMembers(
        { organization_id: input.organization_id, customer_id: customers.map((c) => c.id) },
        { select: ["id"], take: 1 }
      )
      if (members.length) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.invitee_is_member)
    }
    const pending = await service.listOrganizationInvitations(
      { organization_id: input.organization_id, email: input.email, accepted_at: null, expires_at: { $gt: new Date() } },
      { select: ["id"], take: 1 }
    )
    if (pending.length) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.invitation_pending)

    const token = newInvitationToken()
    const invitation = await service.createOrganizationInvitations({
      organization_id: input.organization_id,
      email: input.email,
      role: input.role,
      token_hash: hashInvitationToken(token),
      expires_at: new Date(Date.now() + INVITATION_TTL_MS),
      invited_by: input.invited_by,
    })
    return new StepResponse({ invitation: publicInvitation(invitation), token }, invitation.id)
  },
  async (invitationId, { container }) => {
    if (invitationId) await organizations(container).deleteOrganizationInvitations(invitationId)
  }
)
