import { z } from "@medusajs/framework/zod"

const text = (max: number) => z.string().trim().min(1).max(max)
const variantIds = z.array(text(100)).min(1).max(20)

export const StoreCreateComparison = z
  .object({
    title: text(200).optional(),
    category_id: text(100),
    quantity: z.coerce.number().int().min(1).max(100000),
    required_specs: z.string().trim().max(4000).nullish(),
    variant_ids: variantIds,
  })
  .strict()
export type StoreCreateComparisonType = z.infer<typeof StoreCreateComparison>

export const StoreUpdateComparison = z
  .object({
    title: text(200).optional(),
    quantity: z.coerce.number().int().min(1).max(100000).optional(),
    required_specs: z.string().trim().max(4000).nullish(),
    variant_ids: variantIds.optional(),
  })
  .strict()
export type StoreUpdateComparisonType = z.infer<typeof StoreUpdateComparison>

export const StoreSubmitComparison = z
  .object({
    selected_offer_id: text(100),
    reason: text(2000),
    agency_id: text(100),
  })
  .strict()
export type StoreSubmitComparisonType = z.infer<typeof StoreSubmitComparison>

export const COMPARISON_LIST_STATUSES = ["draft", "submitted", "claimed", "returned", "confirmed", "ordered"] as const

export const StoreListComparisons = z.object({
  status: z.enum(COMPARISON_LIST_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type StoreListComparisonsType = z.infer<typeof StoreListComparisons>

export const AgencyListComparisons = z.object({
  status: z.enum(["submitted", "claimed", "returned", "confirmed", "ordered"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AgencyListComparisonsType = z.infer<typeof AgencyListComparisons>

export const AgencyConfirm = z.object({ comment: z.string().trim().max(2000).nullish() }).strict()
export const AgencyReturn = z
  .object({ comment: z.string().trim().min(1, "退回时必须填写意见 / a comment is required when returning").max(2000) })
  .strict()

export const AdminCreateAgency = z
  .object({
    name: text(200),
    credit_code: z.string().trim().toUpperCase().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, "统一社会信用代码须为 18 位 / the credit code has 18 characters").nullish(),
    email: z.string().trim().toLowerCase().email(),
    user_name: text(100).optional(),
    password: z.string().min(8).max(200).optional(),
  })
  .strict()
export type AdminCreateAgencyType = z.infer<typeof AdminCreateAgency>

export const AdminCreateAgencyUser = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    name: text(100).optional(),
    password: z.string().min(8).max(200).optional(),
  })
  .strict()
export type AdminCreateAgencyUserType = z.infer<typeof AdminCreateAgencyUser>

/** `POST /store/comparisons/:id/order` takes no body fields. */
export const StoreOrderComparison = z.object({}).strict()
