/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015) as a supplier registers it.
 *
 * A code of the wrong shape (length, or a letter the standard excludes: I, O, S, V, Z) is
 * refused. A code of the right shape whose check character does not match is accepted with a
 * warning: some codes issued early on fail the check, so the operator confirms it on admission.
 * (The same check guards invoice tax numbers in plugins/orders; plugins share no source.)
 */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export type CreditCodeCheck =
  | { status: "valid"; code: string }
  | { status: "checksum_mismatch"; code: string; expected: string }
  | { status: "malformed"; code: string; reason: string }

export function normalizeCreditCode(raw: string): string {
  return raw.replace(/[\s-]+/g, "").toUpperCase()
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw)
  if (code.length !== 18) return { status: "malformed", code, reason: `应为 18 位，实为 ${code.length} 位 / must be 18 characters, got ${code.length}` }
  const bad = [...code].find((ch) => !CHARSET.includes(ch))
  if (bad) return { status: "malformed", code, reason: `不允许的字符 “${bad}”（不含 I、O、S、V、Z） / character "${bad}" is not allowed (no I, O, S, V, Z)` }
  if (!SHAPE.test(code)) return { status: "malformed", code, reason: "第 3–8 位应为行政区划码数字 / characters 3–8 must be the digits of a region code" }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(code[i]) * WEIGHTS[i]
  const expected = CHARSET[(31 - (sum % 31)) % 31]
  return expected === code[17] ? { status: "valid", code } : { status: "checksum_mismatch", code, expected }
}
