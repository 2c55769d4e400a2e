/** The fields each audited record shows in its before/after (enough to see what changed). */
export const ORGANIZATION_AUDIT_FIELDS = ["id", "name", "type", "credit_code", "status", "annual_budget", "budget_year"] as const
export const MEMBER_AUDIT_FIELDS = ["id", "customer_id", "role", "limit_per_order", "limit_per_period", "limit_period"] as const
export const INVITATION_AUDIT_FIELDS = ["id", "email", "role", "expires_at", "accepted_at", "accepted_by"] as const
