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

/** A run of ASCII letters and digits (after `normalize`): Latin words, pinyin, model numbers. */
export function isAlphanumeric(term: string): boolean {
  return /^[a-z0-9]+$/.test(term)
}

function isAlphanumericCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
}

/**
 * The maximal runs of ASCII letters and digits in a normalised text, each with whether it opens
 * the text. An alphanumeric query word can only occur inside one of them, so they are the keys
 * of the engine's word index.
 */
export function alphanumericRuns(text: string): Map<string, boolean> {
  const out = new Map<string, boolean>()
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isAlphanumericCode(text.charCodeAt(i))) {
      if (start < 0) start = i
    } else if (start >= 0) {
      const word = text.slice(start, i)
      out.set(word, out.get(word) || start === 0)
      start = -1
    }
  }
  return out
}

/**
 * The bigrams the character index holds: those of `bigrams` with a character other than a
 * letter or digit. Pairs of two letters/digits belong to alphanumeric runs, which the word index
 * finds; a word with any other character always has at least one pair left to look up.
 */
export function textBigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const pair of bigrams(text)) {
    if (pair.length === 2 && isAlphanumericCode(pair.charCodeAt(0)) && isAlphanumericCode(pair.charCodeAt(1))) continue
    out.add(pair)
  }
  return out
}

/** The characters the one-character index holds: all but letters and digits (word index). */
export function textUnigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const ch of unigrams(text)) if (ch.length !== 1 || !isAlphanumericCode(ch.charCodeAt(0))) out.add(ch)
  return out
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
