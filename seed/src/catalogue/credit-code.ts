// 统一社会信用代码 (unified social credit code) per GB 32100-2015, and the
// 组织机构代码 check digit per GB 11714-1997 that the code's body embeds.
//
// The GB 32100 check itself lives with the tax number rules in the orders plugin (buyers type
// these codes as invoice tax numbers); the seed only adds what it needs to generate codes.
import { creditCodeCheckChar } from "../../../plugins/orders/src/lib/tax-id"

export { CREDIT_CODE_CHARSET, creditCodeCheckChar, isValidCreditCode } from "../../../plugins/orders/src/lib/tax-id"

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11714 check character for the 8-character body of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new Error(`organisation code body must be 8 digits or capitals, got '${first8}'`)
  }
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = first8[i]
    // Digits count as their value, letters A..Z as 10..35.
    const value = c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55
    sum += value * ORG_CODE_WEIGHTS[i]
  }
  const check = 11 - (sum % 11)
  if (check === 10) return "X"
  if (check === 11) return "0"
  return String(check)
}

/** True when a 9-character organisation code (e.g. the slice [8..16] of a credit code) checks out. */
export function isValidOrgCode(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false
  return orgCodeCheckChar(code.slice(0, 8)) === code[8]
}

/**
 * Assembles a full credit code of an enterprise ('9' + '1') from its region code and
 * the 8-character organisation code body, adding both check characters.
 */
export function buildCreditCode(regionCode: string, orgBody: string, dept = "9", type = "1"): string {
  if (!/^[0-9]{6}$/.test(regionCode)) throw new Error(`region code must be 6 digits, got '${regionCode}'`)
  const first17 = dept + type + regionCode + orgBody + orgCodeCheckChar(orgBody)
  return first17 + creditCodeCheckChar(first17)
}
