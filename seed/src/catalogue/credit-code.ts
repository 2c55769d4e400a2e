// 统一社会信用代码 (unified social credit code) per GB 32100-2015, and the
// 组织机构代码 check digit per GB 11714-1997 that the code's body embeds.
//
// Layout of the 18 characters:
//   [0]     登记管理部门码 registration department (e.g. '9' = 工商/市场监管)
//   [1]     机构类别码 entity type (e.g. '1' = 企业)
//   [2..7]  登记管理机关行政区划码 6-digit administrative region code
//   [8..16] 主体标识码 the 9-character organisation code (8 chars + GB 11714 check)
//   [17]    校验码 GB 32100 check character

/** The 31 characters GB 32100 allows: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

/** w_i = 3^i mod 31 for positions 0..16. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** GB 32100 check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new Error(`credit code body must have 17 characters, got ${first17.length}`)
  }
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i])
    if (value < 0) {
      throw new Error(`character '${first17[i]}' is not allowed in a credit code`)
    }
    sum += value * CREDIT_CODE_WEIGHTS[i]
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]
}

/**
 * True when the code has the GB 32100 shape and its check character matches.
 * The embedded organisation code check is deliberately not enforced: codes of
 * individual businesses (个体工商户) issued during the transition do not carry one.
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== "string" || !CREDIT_CODE_PATTERN.test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}

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
