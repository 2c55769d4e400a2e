import * as epcTds from "epc-tds"

// epc-tds's bundled typings omit the encoder classes it exports; describe the parts we use.
interface Sgtin96Builder {
  setFilter(filter: number): Sgtin96Builder
  setPartition(partition: number): Sgtin96Builder
  setGtin(gtin: string): Sgtin96Builder
  setSerial(serial: number): Sgtin96Builder
  toHexString(): string
}
interface DecodedSgtin {
  getGtin(): string
  getSerial(): number | string
  toTagURI(): string
}
const tds = epcTds as unknown as { Sgtin96: new () => Sgtin96Builder; valueOf(hex: string): DecodedSgtin }

/**
 * EPC helpers for exhibit tags, on top of `epc-tds` (GS1 Tag Data Standard): SGTIN-96 from a
 * GTIN + serial, and decoding whatever hex a reader reports. Partition = how many of the GTIN's
 * digits are the GS1 company prefix (partition 5 ↔ 7 digits, 6 ↔ 6 … 0 ↔ 12).
 */
export const FILTER_POINT_OF_SALE = 1

export interface DecodedEpc {
  epc: string
  scheme: "sgtin-96" | "raw"
  gtin: string | null
  serial: string | null
  tag_uri: string | null
}

/** GS1 mod-10 check digit of the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i])
    sum += i % 2 === 0 ? digit * 3 : digit
  }
  return (10 - (sum % 10)) % 10
}

/** A GTIN-8/12/13/14 with a valid check digit, as GTIN-14; null when it is not one. */
export function normalizeGtin(input: string): string | null {
  const digits = input.replace(/\s+/g, "")
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return null
  const gtin14 = digits.padStart(14, "0")
  return gs1CheckDigit(gtin14.slice(0, 13)) === Number(gtin14[13]) ? gtin14 : null
}

/** Builds a GTIN-13 from a company prefix and item reference (prefix + ref = 12 digits). */
export function gtin13(companyPrefix: string, itemReference: number): string {
  const body = companyPrefix + String(itemReference).padStart(12 - companyPrefix.length, "0")
  if (!/^\d{12}$/.test(body)) throw new Error(`company prefix ${companyPrefix} and item ${itemReference} do not make 12 digits`)
  return body + gs1CheckDigit(body)
}

const PARTITION_BY_PREFIX_DIGITS: Record<number, number> = { 12: 0, 11: 1, 10: 2, 9: 3, 8: 4, 7: 5, 6: 6 }

/** SGTIN-96 hex (24 upper-case hex digits) for a GTIN, its company prefix length and a serial. */
export function encodeSgtin96(gtin: string, serial: number | bigint, companyPrefixDigits = 7, filter = FILTER_POINT_OF_SALE): string {
  const gtin14 = normalizeGtin(gtin)
  if (!gtin14) throw new Error(`not a valid GTIN: ${gtin}`)
  const partition = PARTITION_BY_PREFIX_DIGITS[companyPrefixDigits]
  if (partition === undefined) throw new Error(`company prefix must be 6–12 digits, not ${companyPrefixDigits}`)
  const max = 2n ** 38n - 1n
  if (BigInt(serial) < 0n || BigInt(serial) > max) throw new Error(`SGTIN-96 serial must be 0…${max}`)
  const epc = new tds.Sgtin96().setFilter(filter).setPartition(partition).setGtin(gtin14).setSerial(Number(serial))
  return epc.toHexString().toUpperCase()
}

/** Normalises a reported EPC / UID: hex, upper case, no separators. */
export function normalizeEpc(input: string): string | null {
  const hex = input.replace(/[\s:-]/g, "").toUpperCase()
  return /^[0-9A-F]{8,64}$/.test(hex) && hex.length % 2 === 0 ? hex : null
}

/** Decodes a reported EPC; anything that is not an SGTIN-96 is kept as a raw identifier. */
export function decodeEpc(input: string): DecodedEpc | null {
  const epc = normalizeEpc(input)
  if (!epc) return null
  if (epc.length === 24 && epc.startsWith("30")) {
    try {
      const decoded = tds.valueOf(epc)
      return { epc, scheme: "sgtin-96", gtin: String(decoded.getGtin()).padStart(14, "0"), serial: String(decoded.getSerial()), tag_uri: decoded.toTagURI() }
    } catch {
      // A header of 0x30 with an impossible partition: not an SGTIN after all.
    }
  }
  return { epc, scheme: "raw", gtin: null, serial: null, tag_uri: null }
}
