/**
 * Text handling shared by indexing and querying, so both sides cut text the same way.
 *
 * Chinese is matched as substrings: a query word must appear contiguously in a field
 * ("打印机" never matches "打印…机"). Candidates come from a character-bigram index and are
 * then verified with a substring test, which gives phrase precision without a dictionary.
 */

/** NFKC folds full-width letters and digits (ＡＢＣ１２３) to ASCII; case is ignored. */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()
}

// Separators that split a query into words: whitespace and common CJK/ASCII punctuation.
const QUERY_SEPARATORS = /[\s,，、;；|/+·。！!？?（）()【】\[\]"“”'‘’《》<>]+/u

/** The words of a query, normalised, without duplicates. */
export function queryTerms(q: string): string[] {
  const terms = normalize(q)
    .split(QUERY_SEPARATORS)
    .map((t) => t.trim())
    .filter(Boolean)
  return [...new Set(terms)]
}

/** Distinct character bigrams of a string (the candidate index keys). */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text)
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === " " || chars[i + 1] === " ") continue
    out.add(chars[i] + chars[i + 1])
  }
  return out
}

/** Distinct characters of a string (for one-character queries). */
export function unigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const ch of text) if (ch !== " ") out.add(ch)
  return out
}

export function isLatinWord(term: string): boolean {
  return /^[a-z]+$/.test(term)
}

/**
 * Where a string occurs, as [start, end) in code units, or null. Used for proximity:
 * how close the pieces of a split query sit to each other in one field.
 */
export function span(haystack: string, pieces: string[]): number | null {
  let start = Infinity
  let end = -Infinity
  let covered = 0
  for (const piece of pieces) {
    const at = haystack.indexOf(piece)
    if (at < 0) return null
    start = Math.min(start, at)
    end = Math.max(end, at + piece.length)
    covered += piece.length
  }
  // Gap between the pieces: 0 when they sit side by side.
  return Math.max(0, end - start - covered)
}
