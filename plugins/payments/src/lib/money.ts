import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/**
 * Money in these providers is compared in fen (分, 1/100 yuan) as integers, so ¥1,234.50 from
 * a bank statement and 1234.5 from Medusa are the same amount and no float noise creeps in.
 */
export function toFen(value: BigNumberInput): number {
  return MathBN.mult(value, 100).decimalPlaces(0).toNumber()
}

/** Fen back to yuan as Medusa stores it (a decimal number). */
export function fenToYuan(fen: number): number {
  return Number((fen / 100).toFixed(2))
}

/** ¥1,234.50 */
export function formatCny(fen: number): string {
  const yuan = (fen / 100).toFixed(2)
  const [whole, decimals] = yuan.split(".")
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${decimals}`
}
