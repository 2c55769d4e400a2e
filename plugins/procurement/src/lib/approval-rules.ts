import type { MemberRole } from "./organization-rules"

/** 审批人 and 管理员 decide on approval requests; 采购人 only ask. */
export function mayDecideApprovals(role: MemberRole): boolean {
  return role === "approver" || role === "admin"
}

/**
 * Nobody approves their own request — unless they are the only member who could decide at all
 * (a one-person organisation, or the only approver/admin), since otherwise the cart could never
 * be ordered. `deciders` are the ids of the organisation's approvers and admins.
 */
export function selfDecisionAllowed(deciders: readonly string[], memberId: string): boolean {
  return deciders.every((id) => id === memberId)
}

/** Approvers and admins see every request of the organisation; purchasers their own. */
export function seesWholeOrganization(role: MemberRole): boolean {
  return mayDecideApprovals(role)
}
