/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015) of a buyer organisation.
 *
 * Layout: [0] registration department, [1] entity type, [2..7] region code (digits),
 * [8..16] organisation code, [17] check character over the first 17 (weights 3^i mod 31).
 *
 * Stricter than plugins/supplier (which admits early codes failing the check for the operator to
 * confirm): buyers register themselves with no review, so a wrong check character is refused.
 * Kept here rather than imported: plugins/orders publishes its tax-id check only as compiled
 * JavaScript without types, and plugins share no source; tests/unit/procurement-rules.test.ts
 * checks that both agree.
 */

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export type CreditCodeProblem = "length" | "character" | "region" | "check_character"

export const CREDIT_CODE_PROBLEMS: Record<CreditCodeProblem, string> = {
  length: "统一社会信用代码应为 18 位 / the unified social credit code has 18 characters",
  character: "统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z） / the code has digits and capital letters only, without I, O, S, V, Z",
  region: "统一社会信用代码第 3–8 位应为行政区划码数字 / characters 3–8 of the code are the digits of a region code",
  check_character: "统一社会信用代码校验位不正确，请核对 / the code's check character is wrong; check the code",
}

/** People paste codes with spaces, dashes or in lower case; the code itself has none of them. */
export function normalizeCreditCode(raw: string): string {
  return raw.replace(/[\s-]+/g, "").toUpperCase()
}

/** The GB 32100 check character for the first 17 characters (which must be in the charset). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  return CHARSET[(31 - (sum % 31)) % 31]
}

/** What is wrong with a normalised code, or null when it is a valid credit code. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return "length"
  if ([...code].some((ch) => !CHARSET.includes(ch))) return "character"
  if (!SHAPE.test(code)) return "region"
  return creditCodeCheckCharacter(code) === code[17] ? null : "check_character"
}

export function isValidCreditCode(raw: string): boolean {
  return creditCodeProblem(normalizeCreditCode(raw)) === null
}
