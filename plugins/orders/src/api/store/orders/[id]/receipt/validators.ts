import { z } from "@medusajs/framework/zod"
import { RECEIPT_LANG_PARAMS } from "../../../../../lib/receipt"

/** `?lang=zh|zh-CN|en`; Chinese when absent. */
export const StoreOrderReceiptQuery = z.object({
  lang: z.enum(RECEIPT_LANG_PARAMS, { message: "收据语言须为 zh 或 en / lang must be zh or en" }).optional(),
})
export type StoreOrderReceiptQueryType = z.infer<typeof StoreOrderReceiptQuery>
