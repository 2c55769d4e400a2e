import crypto from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { recordAuditStep } from "./steps/audit"

/**
 * Supplier members (成员) and invitations (邀请): an owner invites a colleague by email; the
 * colleague registers a supplier login with that email and accepts with the token; an owner
 * removes members (never the last owner). Tokens are stored only as SHA-256 hashes.
 */

export type MemberRole = "owner" | "staff"

export const INVITATION_DAYS = 7
/** Where the storefront's portal accepts an invitation (the token goes in the query). */
export const INVITATION_ACCEPT_PATH = "/supplier/invitations/accept"

export const hashInvitationToken = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest("hex")

const service = (container: MedusaContainer) => container.resolve<SupplierModuleService>(SUPPLIER_MODULE)
const membersLock = (supplierId: string) => `supplier-members:${supplierId}`

export interface PublicInvitation {
  id: string
  email: string
  role: MemberRole
  expires_at: string
  accepted_at: string | null
  created_at: string | null
  status: "pending" | "accepted" | "expired"
}

/** An invitation as owners see it: never the token (hash). */
export function publicInvitation(invitation: {
  id: string
  email: string
  role: MemberRole
  expires_at: Date | string
  accepted_at?: Date | string | null
  created_at?: Date | string | null
}): PublicInvitation {
  const expires = new Date(invitation.expires_at)
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expires_at: expires.toISOString(),
    accepted_at: invitation.accepted_at ? new Date(invitation.accepted_at).toISOString() : null,
    created_at: invitation.created_at ? new Date(invitation.created_at).toISOString() : null,
    status: invitation.accepted_at ? "accepted" : expires.getTime() <= Date.now() ? "expired" : "pending",
  }
}

/** The emailpass email of an auth identity (its provider identity's entity id). */
export async function identityEmail(container: MedusaContainer, authIdentityId: string): Promise<string | undefined> {
  const [provider] = await container.resolve(Modules.AUTH).listProviderIdentities({ auth_identity_id: authIdentityId, provider: "emailpass" })
  return provider?.entity_id?.toLowerCase()
}

// ---------------------------------------------------------------------------------------------
// Invite
// ---------------------------------------------------------------------------------------------

export interface InviteSupplierMemberInput {
  supplier_id: string
  invited_by: string
  email: string
  role: MemberRole
}

export const createInvitationStep = createStep(
  "supplier-create-invitation",
  async (input: InviteSupplierMemberInput, { container }) => {
    const members = service(container)
    const email = input.email.trim().toLowerCase()
    const [member] = await members.listSupplierMembers({ email }, { take: 1 })
    if (member) throw new MedusaError(MedusaError.Types.INVALID_DATA, "该邮箱已是供应商成员 / This email already belongs to a supplier member")
    const open = await members.listSupplierInvitations({ supplier_id: input.supplier_id, email, accepted_at: null, expires_at: { $gt: new Date() } }, { take: 1 })
    if (open.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "已向该邮箱发出邀请，尚未过期；可先撤销再重新邀请 / This email has a pending invitation; revoke it to invite again")
    }
    const token = crypto.randomBytes(32).toString("base64url")
    const invitation = await members.createSupplierInvitations({
      supplier_id: input.supplier_id,
      email,
      role: input.role,
      token: hashInvitationToken(token),
      expires_at: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    })
    return new StepResponse({ invitation: publicInvitation(invitation), token }, invitation.id)
  },
  async (invitationId, { container }) => {
    if (invitationId) await service(container).deleteSupplierInvitations(invitationId)
  }
)

const notifyInvitationStep = createStep(
  "supplier-notify-invitation",
  async (input: { supplier_id: string; invitation: PublicInvitation; token: string; invited_by: string }, { container }) => {
    const supplier = await service(container).retrieveSupplier(input.supplier_id)
    const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: input.invitation.email,
        channel: "feed",
        template: "supplier-invitation",
        data: {
          supplier_id: supplier.id,
          company_name: supplier.company_name,
          role: input.invitation.role,
          expires_at: input.invitation.expires_at,
          token: input.token,
          accept_path: `${INVITATION_ACCEPT_PATH}?token=${encodeURIComponent(input.token)}`,
          invited_by: input.invited_by,
        },
        resource_id: input.invitation.id,
        resource_type: "supplier_invitation",
      },
    ])
    return new StepResponse(notification?.id ?? null)
  }
)

/** An owner invites a colleague (邀请成员): a 7-day token, notified to that email on the "feed" channel. */
export const inviteSupplierMemberWorkflow = createWorkflow("supplier-invite-member", (input: InviteSupplierMemberInput) => {
  const created = createInvitationStep(input)
  recordAuditStep(
    transform({ input, created }, ({ input, created }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.invited_by,
      action: "member_invited",
      subject_type: "supplier_invitation",
      subject_id: created.invitation.id,
      data: { email: created.invitation.email, role: created.invitation.role },
    }))
  )
  notifyInvitationStep(
    transform({ input, created }, ({ input, created }) => ({ supplier_id: input.supplier_id, invitation: created.invitation, token: created.token, invited_by: input.invited_by }))
  )
  return new WorkflowResponse(created)
})

// ---------------------------------------------------------------------------------------------
// Accept
// ---------------------------------------------------------------------------------------------

export interface AcceptSupplierInvitationInput {
  token: string
  auth_identity_id: string
  /** The supplier member the identity already points at, if any. */
  actor_id?: string | null
  name?: string | null
}

export const INVITATION_MESSAGES = {
  unknown: "邀请无效或已撤销 / This invitation is not valid (unknown or revoked)",
  accepted: "该邀请已被接受 / This invitation has already been used",
  expired: "该邀请已过期，请联系负责人重新邀请 / This invitation has expired; ask an owner to invite you again",
  other_email: "该邀请发给了另一个邮箱，请用受邀邮箱注册登录 / This invitation is for another email address; sign up with the invited email",
  already_member: "此账号已是供应商成员 / This account already belongs to a supplier",
} as const

export const validateInvitationAcceptanceStep = createStep(
  "supplier-validate-invitation-acceptance",
  async (input: AcceptSupplierInvitationInput, { container }) => {
    const members = service(container)
    const [invitation] = await members.listSupplierInvitations({ token: hashInvitationToken(input.token) }, { take: 1 })
    if (!invitation) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITATION_MESSAGES.unknown)
    if (invitation.accepted_at) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITATION_MESSAGES.accepted)
    if (new Date(invitation.expires_at).getTime() <= Date.now()) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITATION_MESSAGES.expired)
    const email = await identityEmail(container, input.auth_identity_id)
    if (!email || email !== invitation.email.toLowerCase()) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITATION_MESSAGES.other_email)
    // A login that points at a live member refuses; one that pointed at a removed member (null or
    // stale) is pointed at the new member below.
    const identity = await container.resolve(Modules.AUTH).retrieveAuthIdentity(input.auth_identity_id)
    const current = identity.app_metadata?.supplier_id ?? input.actor_id
    if (typeof current === "string" && current) {
      const [live] = await members.listSupplierMembers({ id: current }, { take: 1 })
      if (live) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITATION_MESSAGES.already_member)
    }
    const [sameEmail] = await members.listSupplierMembers({ email }, { take: 1 })
    if (sameEmail) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITATION_MESSAGES.already_member)
    const relink = !!identity.app_metadata && "supplier_id" in identity.app_metadata
    return new StepResponse({ invitation_id: invitation.id, supplier_id: invitation.supplier_id, email, role: invitation.role as MemberRole, relink })
  }
)

/**
 * Points a login's `supplier_id` at a member, or at nothing (null: Medusa merges app_metadata,
 * so a key cannot be dropped). Used when a member is removed, and when a removed member's login
 * joins again (setAuthAppMetadataStep refuses to overwrite a key that is there, even as null).
 * Undone by putting the previous value back.
 */
export const pointSupplierLoginStep = createStep(
  "supplier-point-login",
  async (input: { auth_identity_id?: string | null; email?: string | null; only_if_member_id?: string | null; member_id: string | null }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    let authIdentityId = input.auth_identity_id ?? null
    if (!authIdentityId && input.email) {
      const [provider] = await auth.listProviderIdentities({ entity_id: input.email, provider: "emailpass" })
      authIdentityId = provider?.auth_identity_id ?? null
    }
    if (!authIdentityId) return new StepResponse(null)
    const identity = await auth.retrieveAuthIdentity(authIdentityId)
    const previous = identity.app_metadata?.supplier_id
    if (input.only_if_member_id && previous !== input.only_if_member_id) return new StepResponse(null)
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...(identity.app_metadata ?? {}), supplier_id: input.member_id } })
    return new StepResponse(identity.id, { id: identity.id, previous: previous ?? null })
  },
  async (undo, { container }) => {
    if (!undo) return
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(undo.id)
    await auth.updateAuthIdentities({ id: undo.id, app_metadata: { ...(identity.app_metadata ?? {}), supplier_id: undo.previous } })
  }
)

const createInvitedMemberStep = createStep(
  "supplier-create-invited-member",
  async (input: { supplier_id: string; email: string; role: MemberRole; name: string }, { container }) => {
    const member = await service(container).createSupplierMembers({ supplier_id: input.supplier_id, email: input.email, role: input.role, name: input.name })
    return new StepResponse(member, member.id)
  },
  async (memberId, { container }) => {
    if (memberId) await service(container).deleteSupplierMembers(memberId)
  }
)

const markInvitationAcceptedStep = createStep(
  "supplier-mark-invitation-accepted",
  async (input: { invitation_id: string }, { container }) => {
    const invitation = await service(container).updateSupplierInvitations({ id: input.invitation_id, accepted_at: new Date() })
    return new StepResponse(publicInvitation(invitation), input.invitation_id)
  },
  async (invitationId, { container }) => {
    if (invitationId) await service(container).updateSupplierInvitations({ id: invitationId, accepted_at: null })
  }
)

/**
 * Accepting an invitation (接受邀请) with a fresh supplier login of the invited email: the member
 * is created, the login points at it (log in again for a token that carries it) and the
 * invitation is used up. Unknown, revoked, expired or used tokens are refused.
 */
export const acceptSupplierInvitationWorkflow = createWorkflow("supplier-accept-invitation", (input: AcceptSupplierInvitationInput) => {
  const checked = validateInvitationAcceptanceStep(input)
  const member = createInvitedMemberStep(
    transform({ input, checked }, ({ input, checked }) => ({
      supplier_id: checked.supplier_id,
      email: checked.email,
      role: checked.role,
      name: input.name?.trim() || checked.email.split("@")[0],
    }))
  )
  // A new login, as at registration; a removed member's login coming back already has the key.
  when("supplier-accept-new-login", { checked }, ({ checked }) => !checked.relink).then(() => {
    setAuthAppMetadataStep(
      transform({ input, member }, ({ input, member }) => ({ authIdentityId: input.auth_identity_id, actorType: "supplier", value: member.id }))
    )
  })
  when("supplier-accept-returning-login", { checked }, ({ checked }) => checked.relink).then(() => {
    pointSupplierLoginStep(transform({ input, member }, ({ input, member }) => ({ auth_identity_id: input.auth_identity_id, member_id: member.id })))
  })
  const invitation = markInvitationAcceptedStep(transform({ checked }, ({ checked }) => ({ invitation_id: checked.invitation_id })))
  recordAuditStep(
    transform({ checked, member }, ({ checked, member }) => ({
      supplier_id: checked.supplier_id,
      actor_type: "supplier" as const,
      actor_id: member.id,
      action: "member_joined",
      subject_type: "supplier_member",
      subject_id: member.id,
      data: { email: member.email, role: member.role, invitation_id: checked.invitation_id },
    }))
  )
  return new WorkflowResponse(transform({ member, invitation }, ({ member, invitation }) => ({ member, invitation })))
})

// ---------------------------------------------------------------------------------------------
// Remove member, revoke invitation
// ---------------------------------------------------------------------------------------------

export interface RemoveSupplierMemberInput {
  supplier_id: string
  member_id: string
  removed_by: string
}

export const removeMemberStep = createStep(
  "supplier-remove-member-step",
  async (input: RemoveSupplierMemberInput, { container }) => {
    const members = service(container)
    const [member] = await members.listSupplierMembers({ id: input.member_id, supplier_id: input.supplier_id }, { take: 1 })
    if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, `成员不存在 / Member ${input.member_id} was not found`)
    if (member.role === "owner") {
      const owners = await members.listSupplierMembers({ supplier_id: input.supplier_id, role: "owner" }, { select: ["id"] })
      if (owners.length <= 1) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "不能移除唯一的负责人 / The last owner cannot be removed")
    }
    await members.softDeleteSupplierMembers([member.id])
    return new StepResponse({ id: member.id, email: member.email, role: member.role }, member.id)
  },
  async (memberId, { container }) => {
    if (memberId) await service(container).restoreSupplierMembers([memberId])
  }
)

/** An owner removes a member (移除成员): the member record goes and their login no longer opens the supplier. */
export const removeSupplierMemberWorkflow = createWorkflow("supplier-remove-member", (input: RemoveSupplierMemberInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: membersLock(input.supplier_id), timeout: 10, ttl: 30 })))
  const removed = removeMemberStep(input)
  pointSupplierLoginStep(transform({ removed }, ({ removed }) => ({ email: removed.email, only_if_member_id: removed.id, member_id: null })))
  recordAuditStep(
    transform({ input, removed }, ({ input, removed }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.removed_by,
      action: "member_removed",
      subject_type: "supplier_member",
      subject_id: removed.id,
      data: { email: removed.email, role: removed.role },
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: membersLock(input.supplier_id) })))
  return new WorkflowResponse(removed)
})

export interface RevokeSupplierInvitationInput {
  supplier_id: string
  invitation_id: string
  revoked_by: string
}

export const revokeInvitationStep = createStep(
  "supplier-revoke-invitation-step",
  async (input: RevokeSupplierInvitationInput, { container }) => {
    const members = service(container)
    const [invitation] = await members.listSupplierInvitations({ id: input.invitation_id, supplier_id: input.supplier_id }, { take: 1 })
    if (!invitation) throw new MedusaError(MedusaError.Types.NOT_FOUND, `邀请不存在 / Invitation ${input.invitation_id} was not found`)
    if (invitation.accepted_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "邀请已被接受，请改为移除成员 / This invitation has been accepted; remove the member instead")
    await members.softDeleteSupplierInvitations([invitation.id])
    return new StepResponse(publicInvitation(invitation), invitation.id)
  },
  async (invitationId, { container }) => {
    if (invitationId) await service(container).restoreSupplierInvitations([invitationId])
  }
)

/** An owner withdraws a pending invitation (撤销邀请); its token stops working. */
export const revokeSupplierInvitationWorkflow = createWorkflow("supplier-revoke-invitation", (input: RevokeSupplierInvitationInput) => {
  const revoked = revokeInvitationStep(input)
  recordAuditStep(
    transform({ input, revoked }, ({ input, revoked }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.revoked_by,
      action: "invitation_revoked",
      subject_type: "supplier_invitation",
      subject_id: revoked.id,
      data: { email: revoked.email, role: revoked.role },
    }))
  )
  return new WorkflowResponse(revoked)
})
