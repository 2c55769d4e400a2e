/** Lock keys: one customer joins one organisation at a time; one organisation's roles change one at a time. */
export const membershipLock = (customerId: string) => `organization-membership:${customerId}`
export const membersLock = (organizationId: string) => `organization-members:${organizationId}`
export const invitationLock = (tokenHash: string) => `organization-invitation:${tokenHash}`

/** Seconds to wait for a lock, and how long one is held at most. */
export const LOCK_TIMEOUT = 10
export const LOCK_TTL = 30
/** One supervisor login per email is made at a time. */
export const supervisorEmailLock = (email: string) => `procurement-supervisor-email:${email}`

/** One approval change per cart at a time (a request, an approval, a rejection). */
export const approvalCartLock = (cartId: string) => `procurement-approval-cart:${cartId}`
