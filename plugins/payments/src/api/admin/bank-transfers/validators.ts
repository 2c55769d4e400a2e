import { z } from "@medusajs/framework/zod"
import { normalizeReference } from "../../../lib/reference"

export const AdminFindBankTransfer = z
  .object({
    /** The payment reference from the statement line's remark: GWC-YYYYMMDD-XXXXXX, or only its code. */
    reference: z
      .string({
        error: (issue) =>
          issue.input === undefined ? "请填写付款编号 / reference is required" : "付款编号只能有一个 / give one reference",
      })
      .transform((value, ctx) => {
        const normalized = normalizeReference(value)
        if (!normalized) {
          ctx.addIssue({ code: "custom", message: "付款编号格式应为 GWC-YYYYMMDD-XXXXXX（或其后 6 位） / reference must look like GWC-20261122-7KQ3XM (or its last part)" })
          return z.NEVER
        }
        return normalized
      }),
  })
  .strict()
export type AdminFindBankTransferType = z.infer<typeof AdminFindBankTransfer>
