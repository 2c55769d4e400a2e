import { z } from "@medusajs/framework/zod"
import { CREDIT_CODE_PROBLEMS, creditCodeProblem, normalizeCreditCode } from "../../../lib/credit-code"
import {
  checkAnnualBudget,
  isCnyAmount,
  LIMIT_PERIODS,
  MEMBER_ROLES,
  ORGANIZATION_TYPES,
  requiresCreditCode,
} from "../../../lib/organization-rules"

const TYPE_MESSAGE = `单位类型须为 ${ORGANIZATION_TYPES.join("、")} 之一 / type must be one of ${ORGANIZATION_TYPES.join(", ")}`
const ROLE_MESSAGE = `角色须为 ${MEMBER_ROLES.join("、")} 之一 / role must be one of ${MEMBER_ROLES.join(", ")}`
const PERIOD_MESSAGE = `周期须为 ${LIMIT_PERIODS.join("、")} 之一 / limit_period must be one of ${LIMIT_PERIODS.join(", ")}`

/** Yuan above zero with at most two decimals, as a number or a numeric string ("1234.50"). */
const CnyAmount = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/, "金额格式应为 1234.50 / an amount looks like 1234.50")], {
    error: "金额应为数字，如 1234.50 / an amount is a number such as 1234.50",
  })
  .transform((value) => Number(value))
  .refine(isCnyAmount, "金额须大于 0、最多两位小数且不超过一万亿元 / an amount in CNY is above 0, has at most two decimals and is at most 1,000,000,000,000")

const CreditCode = z
  .string({ error: "统一社会信用代码应为文本 / credit_code is text" })
  .transform(normalizeCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code)
    if (problem) ctx.addIssue({ code: "custom", message: CREDIT_CODE_PROBLEMS[problem] })
  })

/** POST /store/organizations: the organisation a customer registers (and becomes admin of). */
export const StoreCreateOrganization = z
  .object({
    name: z
      .string({ error: "请填写单位名称 / name is required" })
      .transform((value) => value.trim().replace(/\s+/g, " "))
      .pipe(z.string().min(2, "单位名称至少 2 个字 / name has at least 2 characters").max(200, "单位名称不超过 200 个字 / name is at most 200 characters")),
    type: z.enum(ORGANIZATION_TYPES, { error: TYPE_MESSAGE }),
    credit_code: CreditCode.nullish(),
    annual_budget: CnyAmount.nullish(),
    budget_year: z.number({ error: "预算年度应为整数年份，如 2026 / budget_year is a year such as 2026" }).int("预算年度应为整数年份 / budget_year is a whole year").nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (requiresCreditCode(body.type) && !body.credit_code) {
      ctx.addIssue({ code: "custom", path: ["credit_code"], message: "除个人外，采购单位须填写统一社会信用代码 / credit_code is required for every type but individual" })
    }
    const budget = checkAnnualBudget({ annual_budget: body.annual_budget ?? null, budget_year: body.budget_year ?? null })
    if (!budget.ok) ctx.addIssue({ code: "custom", path: [budget.field], message: budget.message })
  })
export type StoreCreateOrganizationType = z.infer<typeof StoreCreateOrganization>

/**
 * POST /store/organizations/me/members/:id: a role and/or limits. A limit left out stays as it
 * is; null removes it. The limits are checked together with the member's current ones.
 */
export const StoreUpdateOrganizationMember = z
  .object({
    role: z.enum(MEMBER_ROLES, { error: ROLE_MESSAGE }).optional(),
    limit_per_order: CnyAmount.nullable().optional(),
    limit_per_period: CnyAmount.nullable().optional(),
    limit_period: z.enum(LIMIT_PERIODS, { error: PERIOD_MESSAGE }).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "请至少修改一项：role、limit_per_order、limit_per_period、limit_period / change at least one of role, limit_per_order, limit_per_period, limit_period")
export type StoreUpdateOrganizationMemberType = z.infer<typeof StoreUpdateOrganizationMember>

/** POST /store/organizations/me/invitations. */
export const StoreInviteOrganizationMember = z
  .object({
    email: z
      .string({ error: "请填写邮箱 / email is required" })
      .trim()
      .toLowerCase()
      .pipe(z.email("邮箱格式不正确 / the email address is not valid").max(200, "邮箱不超过 200 个字符 / email is at most 200 characters")),
    role: z.enum(MEMBER_ROLES, { error: ROLE_MESSAGE }).default("purchaser"),
  })
  .strict()
export type StoreInviteOrganizationMemberType = z.infer<typeof StoreInviteOrganizationMember>

/** GET /store/organizations/me/members and /invitations: a page of the list. */
export const StoreListQuery = z
  .object({
    limit: z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int().min(1, "limit 至少为 1 / limit is at least 1").max(200, "limit 不超过 200 / limit is at most 200").default(50),
    offset: z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int().min(0, "offset 不能为负 / offset is not negative").default(0),
  })
  .strict()
export type StoreListQueryType = z.infer<typeof StoreListQuery>
