// Procurement constants shared by the server and the pages (no server imports).

export const ORGANIZATION_TYPES = ["government_unit", "public_institution", "state_owned_enterprise", "association", "company", "individual"] as const

export type ComparisonStatus = "draft" | "submitted" | "claimed" | "returned" | "confirmed" | "ordered"
export const COMPARISON_STATUSES: ComparisonStatus[] = ["draft", "submitted", "claimed", "returned", "confirmed", "ordered"]
