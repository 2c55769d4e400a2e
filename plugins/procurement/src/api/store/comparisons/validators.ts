import { z } from "@medusajs/framework/zod"
import { CREDIT_CODE_PROBLEMS, creditCodeProblem, normalizeCreditCode } from "../../../lib/credit-code"

// Messages name the field (the validator prefixes its path) in Chinese, then English.
const text = (max: number) =>
  z
    .string({ error: "应为文本 / must be text" })
    .trim()
    .min(1, "不能为空 / is required")
    .max(max, `不超过 ${max} 个字 / is at most ${max} characters`)
const variantIds = z
  .array(text(100), { error: "应为商品规格 ID 的列表 / must be a list of variant ids" })
  .min(1, "至少选择一个报价 / pick at least one offer")
  .max(20, "最多 20 个报价 / at most 20 offers")
const quantity = z.coerce
  .number({ error: "应为数字 / must be a number" })
  .int("应为整数 / must be a whole number")
  .min(1, "至少为 1 / is at least 1")
  .max(100000, "不超过 100000 / is at most 100000")
const specs = z.string({ error: "应为文本 / must be text" }).trim().max(4000, "不超过 4000 个字 / is at most 4000 characters").nullish()
const limit = z.coerce
  .number({ error: "应为数字 / must be a number" })
  .int("应为整数 / must be a whole number")
  .min(1, "至少为 1 / is at least 1")
  .max(100, "不超过 100 / is at most 100")
  .default(20)
const offset = z.coerce.number({ error: "应为数字 / must be a number" }).int("应为整数 / must be a whole number").min(0, "不能为负 / is not negative").default(0)
const email = z.string({ error: "应为文本 / must be text" }).trim().toLowerCase().pipe(z.email({ error: "邮箱格式不正确 / is not a valid email address" }))
const password = z.string({ error: "应为文本 / must be text" }).min(8, "至少 8 位 / has at least 8 characters").max(200, "不超过 200 位 / is at most 200 characters")
const statusOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `须为 ${values.join("、")} 之一 / must be one of ${values.join(", ")}` })

export const StoreCreateComparison = z
  .object({
    title: text(200).optional(),
    category_id: text(100),
    quantity,
    required_specs: specs,
    variant_ids: variantIds,
  })
  .strict()
export type StoreCreateComparisonType = z.infer<typeof StoreCreateComparison>

export const StoreUpdateComparison = z
  .object({
    title: text(200).optional(),
    quantity: quantity.optional(),
    required_specs: specs,
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
  status: statusOf(COMPARISON_LIST_STATUSES).optional(),
  limit,
  offset,
})
export type StoreListComparisonsType = z.infer<typeof StoreListComparisons>

export const AgencyListComparisons = z.object({
  status: statusOf(["submitted", "claimed", "returned", "confirmed", "ordered"] as const).optional(),
  limit,
  offset,
})
export type AgencyListComparisonsType = z.infer<typeof AgencyListComparisons>

export const AgencyConfirm = z.object({ comment: z.string({ error: "应为文本 / must be text" }).trim().max(2000, "不超过 2000 个字 / is at most 2000 characters").nullish() }).strict()
export const AgencyReturn = z
  .object({ comment: z.string({ error: "退回时必须填写意见 / a comment is required when returning" }).trim().min(1, "退回时必须填写意见 / a comment is required when returning").max(2000, "不超过 2000 个字 / is at most 2000 characters") })
  .strict()

export const AdminCreateAgency = z
  .object({
    name: text(200),
    credit_code: z
      .string({ error: "应为文本 / must be text" })
      .transform(normalizeCreditCode)
      .superRefine((code, context) => {
        const problem = creditCodeProblem(code)
        if (problem) context.addIssue({ code: "custom", message: CREDIT_CODE_PROBLEMS[problem] })
      })
      .nullish(),
    email,
    user_name: text(100).optional(),
    password: password.optional(),
  })
  .strict()
export type AdminCreateAgencyType = z.infer<typeof AdminCreateAgency>

export const AdminCreateAgencyUser = z
  .object({
    email,
    name: text(100).optional(),
    password: password.optional(),
  })
  .strict()
export type AdminCreateAgencyUserType = z.infer<typeof AdminCreateAgencyUser>

/** `POST /store/comparisons/:id/order` takes no body fields. */
export const StoreOrderComparison = z.object({}).strict()
