import { z } from "@medusajs/framework/zod"
import { REFERENCE_PATTERN } from "../../../lib/reference"

const MAX_AMOUNT_FEN = 100_000_000_000 // ¥1,000,000,000.00

/** Yuan with at most two decimals, as a number or a numeric string ("1234.50"). */
const CnyAmount = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d{1,2})?$/, "金额格式应为 1234.50 / amount must look like 1234.50")])
  .transform((value) => Number(value))
  .refine((value) => Number.isFinite(value) && value > 0, "金额须大于 0 / amount must be greater than 0")
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, "金额最多两位小数 / amount has at most two decimals (fen)")
  .refine((value) => Math.round(value * 100) <= MAX_AMOUNT_FEN, "金额过大 / amount is too large")
  .transform((value) => Math.round(value * 100) / 100)

export const AdminMarkBankTransferReceived = z
  .object({
    /** The bank statement line's own reference (银行流水号 / 交易序号). */
    statement_line: z
      .string({ error: "请填写银行流水号 / statement_line is required" })
      .transform((value) => value.trim().replace(/\s+/g, " "))
      .pipe(z.string().min(1, "请填写银行流水号 / statement_line is required").max(100, "银行流水号不超过 100 个字符 / statement_line is at most 100 characters")),
    /** The amount on the statement line, in CNY (yuan). */
    amount: CnyAmount,
    /** Optional; when given it must say CNY. */
    currency_code: z
      .string()
      .trim()
      .toLowerCase()
      .refine((code) => code === "cny", "仅支持人民币（cny） / only CNY is accepted")
      .optional(),
    /** The value date on the statement: YYYY-MM-DD or an ISO date-time. */
    received_at: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: "到账日期格式应为 YYYY-MM-DD 或 ISO 时间 / received_at must be a date (YYYY-MM-DD) or an ISO date-time",
    }),
    /** The payment reference the statement line's remark quotes; when given it must be this payment's. */
    reference: z
      .string()
      .trim()
      .toUpperCase()
      .regex(REFERENCE_PATTERN, "付款编号格式应为 GWC-YYYYMMDD-XXXXXX / reference must look like GWC-20261122-7KQ3XM")
      .optional(),
    /** 付款户名 as the statement shows it. */
    payer_name: z.string().trim().max(200, "付款户名不超过 200 个字 / payer_name is at most 200 characters").optional(),
    note: z.string().trim().max(500, "备注不超过 500 个字 / note is at most 500 characters").optional(),
  })
  .strict()
export type AdminMarkBankTransferReceivedType = z.infer<typeof AdminMarkBankTransferReceived>
