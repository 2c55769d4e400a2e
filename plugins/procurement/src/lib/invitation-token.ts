import crypto from "node:crypto"

/** Where the storefront accepts an invitation; the token goes in the query string. */
export const INVITATION_ACCEPT_PATH = "/org/invitations/accept"

/** 256 random bits, URL-safe: the token the invitee receives. */
export function newInvitationToken(): string {
  return crypto.randomBytes(32).toString("base64url")
}

/** Only this is stored, so a leaked database does not hand out memberships. */
export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token.trim(), "utf8").digest("hex")
}

export function invitationAcceptPath(token: string): string {
  return `${INVITATION_ACCEPT_PATH}?token=${encodeURIComponent(token)}`
}
