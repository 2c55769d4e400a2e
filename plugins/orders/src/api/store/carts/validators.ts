import { z } from "@medusajs/framework/zod"
import { INVOICE_TYPES } from "../../../lib/invoice"
import { normalizeTaxId, TAX_ID_PROBLEMS, taxIdProblem } from "../../../lib/tax-id"

/** An optional text field; an empty string counts as not given. */
const optionalText = (max: number) => z.string().trim().max(max).optional()

export const StoreSetCartInvoice = z
  .object({
    type: z.enum(INVOICE_TYPES),
    title: z.string().trim().min(2).max(100),
    tax_id: z.string().max(40).transform(normalizeTaxId).optional(),
    email: z
      .union([z.literal(""), z.email({ message: "email: 邮箱格式不正确 / The email address is not valid" })])
      .optional(),
    address: optionalText(200),
    phone: z
      .string()
      .trim()
      .regex(/^$|^[0-9+\-() ]{5,30}$/, { message: "phone: 电话号码格式不正确 / The phone number is not valid" })
      .optional(),
    bank_name: optionalText(100),
    bank_account: z
      .string()
      .trim()
      .regex(/^$|^[0-9][0-9 -]{4,38}[0-9]$/, {
        message: "bank_account: 银行账号应为 6–40 位数字 / The bank account must be 6 to 40 digits",
      })
      .optional(),
  })
  .superRefine((invoice, ctx) => {
    if (!invoice.tax_id) {
      if (invoice.type === "company") {
        ctx.addIssue({
          code: "custom",
          path: ["tax_id"],
          message: "tax_id: 企业发票必须填写税号 / A company invoice needs the tax number",
        })
      }
      return
    }
    const problem = taxIdProblem(invoice.tax_id)
    if (problem) ctx.addIssue({ code: "custom", path: ["tax_id"], message: `tax_id: ${TAX_ID_PROBLEMS[problem]}` })
  })
export type StoreSetCartInvoiceType = z.infer<typeof StoreSetCartInvoice>
