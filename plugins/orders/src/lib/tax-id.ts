// Taxpayer identification numbers (纳税人识别号) as they appear on Chinese VAT invoices.
//
// Since 2015 a company's tax number is its 统一社会信用代码 (unified social credit code,
// GB 32100-2015, 18 characters with a check character). Older registrations still carry a
// 15-, 17- or 20-character tax number (digits and capital letters) without a check character.
//
// Layout of the 18-character credit code:
//   [0]     登记管理部门码 registration department (e.g. '9' = 工商/市场监管)
//   [1]     机构类别码 entity type (e.g. '1' = 企业)
//   [2..7]  登记管理机关行政区划码 6-digit administrative region code
//   [8..16] 主体标识码 the 9-character organisation code (8 chars + GB 11714 check)
//   [17]    校验码 GB 32100 check character
//
// Pure functions, no imports: the seed's supplier generator uses them as well.

/** The 31 characters GB 32100 allows: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

/** w_i = 3^i mod 31 for positions 0..16. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** Lengths of the tax numbers issued before the unified code, which carry no check character. */
const LEGACY_TAX_NUMBER_PATTERN = /^(?:[0-9A-Z]{15}|[0-9A-Z]{17}|[0-9A-Z]{20})$/

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

export type TaxIdProblem = "format" | "credit_code_format" | "check_character"

/** Bilingual explanations of each problem, for messages that the buyer reads. */
export const TAX_ID_PROBLEMS: Record<TaxIdProblem, string> = {
  format:
    "税号应为 18 位统一社会信用代码，或 15、17、20 位的旧税号（数字和大写字母） / " +
    "The tax number must be an 18-character unified social credit code or a 15-, 17- or 20-character tax number (digits and capital letters)",
  credit_code_format:
    "18 位税号不符合统一社会信用代码的格式 / The 18-character tax number is not shaped like a unified social credit code",
  check_character: "税号校验位不正确 / The tax number's check character is wrong",
}

/**
 * Checks a taxpayer identification number. Expects it trimmed and in capitals
 * (see `normalizeTaxId`). Returns the problem, or null when the number is acceptable.
 */
export function taxIdProblem(taxId: string): TaxIdProblem | null {
  if (taxId.length === 18) {
    if (!CREDIT_CODE_PATTERN.test(taxId)) return "credit_code_format"
    return creditCodeCheckChar(taxId.slice(0, 17)) === taxId[17] ? null : "check_character"
  }
  return LEGACY_TAX_NUMBER_PATTERN.test(taxId) ? null : "format"
}

/** True when the number, after `normalizeTaxId`, is an acceptable taxpayer identification number. */
export function isValidTaxId(taxId: string): boolean {
  return typeof taxId === "string" && taxIdProblem(normalizeTaxId(taxId)) === null
}

/** People type tax numbers with spaces or in lower case; the number itself has neither. */
export function normalizeTaxId(taxId: string): string {
  return taxId.replace(/\s+/g, "").toUpperCase()
}
