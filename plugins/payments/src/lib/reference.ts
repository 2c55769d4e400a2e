/**
 * Payment references for bank transfers (付款编号), e.g. `GWC-20261122-7KQ3XM`: the issue date
 * (China time) and six characters the buyer writes into the transfer's remark (附言/用途) so
 * the operator can match the bank statement line to the order.
 *
 * Unique by construction, not by luck: the six characters encode a number from a PostgreSQL
 * sequence, passed through a fixed permutation (a small Feistel network) so consecutive orders
 * do not get consecutive-looking codes. The permutation is a bijection on 30 bits, so distinct
 * sequence numbers always give distinct codes; past 2^30 references the code grows to eight
 * characters (40 bits), which cannot collide with a six-character one.
 *
 * The alphabet leaves out 0/O and 1/I so a code read off a statement cannot be mistyped.
 */
export const REFERENCE_PREFIX = "GWC"
export const REFERENCE_SEQUENCE = "gwc_payment_reference_seq"
export const REFERENCE_TIME_ZONE = "Asia/Shanghai"

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
const ROUND_KEYS = [0x5bd1e995n, 0x27d4eb2fn, 0x165667b1n, 0x9e3779b9n]

export const REFERENCE_PATTERN = /^GWC-\d{8}-[2-9A-HJ-NP-Z]{6}(?:[2-9A-HJ-NP-Z]{2})?$/

/** A bijection on [0, 2^(2·halfBits)). */
function permute(value: bigint, halfBits: bigint): bigint {
  const mask = (1n << halfBits) - 1n
  let left = (value >> halfBits) & mask
  let right = value & mask
  for (const key of ROUND_KEYS) {
    const mixed = (((right * 0x9e3779b1n) ^ key) + (right >> 3n)) & mask
    ;[left, right] = [right, left ^ mixed]
  }
  return (left << halfBits) | right
}

function encode(value: bigint, length: number): string {
  let out = ""
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out
    value >>= 5n
  }
  return out
}

/** The code part for a sequence number (1, 2, …). */
export function referenceCode(sequence: bigint): string {
  if (sequence < 0n) throw new RangeError("reference sequence numbers are not negative")
  if (sequence < 1n << 30n) return encode(permute(sequence, 15n), 6)
  if (sequence < 1n << 40n) return encode(permute(sequence, 20n), 8)
  throw new RangeError("reference sequence exhausted")
}

/** YYYYMMDD in China time. */
export function referenceDate(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: REFERENCE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at)
  return parts.replaceAll("-", "")
}

export function paymentReference(sequence: bigint, issuedAt: Date): string {
  return `${REFERENCE_PREFIX}-${referenceDate(issuedAt)}-${referenceCode(sequence)}`
}

/** The code alone (buyers sometimes write only that into the remark); unique on its own. */
export const REFERENCE_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{6}(?:[2-9A-HJ-NP-Z]{2})?$/

/**
 * What an operator typed, trimmed and upper-cased: a whole reference or just its code; null
 * when it is neither.
 */
export function normalizeReference(input: string): { reference: string } | { code: string } | null {
  const value = input.trim().toUpperCase()
  if (REFERENCE_PATTERN.test(value)) return { reference: value }
  if (REFERENCE_CODE_PATTERN.test(value)) return { code: value }
  return null
}
