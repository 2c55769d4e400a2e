import { compileFilters, valueAt, type Doc } from "./filters"
import { alphanumericRuns, bigrams, isAlphanumeric, normalize, queryTerms, span, textBigrams, textUnigrams, unigrams } from "./text"

/**
 * An in-memory Chinese search engine for one index.
 *
 * - Matching: every query word must occur contiguously in some searchable field
 *   (substring semantics, so "打印机" is a phrase and never "打印…机"). Candidates come from
 *   a character-bigram index, then a substring test verifies them.
 * - A query word that occurs nowhere as a whole ("彩色打印") is cut into the longest pieces
 *   that do occur in the corpus ("彩色" + "打印"); a document must hold every piece, and
 *   ranks by how close together the pieces sit, in the most important field holding them.
 * - Ranking: the weight of the best field that matched (title over brand/category over
 *   attributes over description), a bonus for whole-field and prefix matches; ties go to the
 *   shorter title, then the id.
 * - Synonyms expand a word (or a part of it) into its alternatives.
 * - Latin words, pinyin and numbers ("led", "jiguang", "a4") match through a word index of the
 *   runs of letters and digits in the text, not through bigrams: pinyin bigrams ("ji", "an")
 *   are in most documents, the words holding "jiguang" in a few thousand.
 * - A query of several words collects the rarest word from the index and tests the others in
 *   its documents when they are far more frequent ("AION S Plus": "s" is everywhere).
 */
export interface SearchableField {
  path: string
  weight: number
}

export interface EngineOptions {
  searchable: SearchableField[]
  /** Groups of interchangeable words, e.g. [["电脑", "计算机"], ["复印机", "复合机"]]. */
  synonyms?: string[][]
  /** Long texts (descriptions) are indexed up to this many characters. */
  maxFieldChars?: number
  /**
   * In a query of several words, a word whose index lists are over this many times the documents
   * still in the running is tested in those documents instead of collected. Infinity turns the
   * shortcut off (the tests compare both ways).
   */
  verifyRatio?: number
}

export type FacetRequest =
  | { field: string; type?: "value"; limit?: number; sort?: "count" | "alpha"; query?: string }
  | { field: string; type: "range"; ranges: { key?: string; from?: number | string; to?: number | string }[] }
  | { field: string; type: "stats" }

export type FacetResult =
  | { type: "value"; values: { value: string; count: number }[]; other_count?: number }
  | { type: "range"; ranges: { key: string; from?: number | string; to?: number | string; count: number }[] }
  | { type: "stats"; min: number; max: number; avg?: number; sum?: number; count: number }

export interface EngineQuery {
  q?: string
  filters?: Record<string, unknown>
  skip?: number
  take?: number
  order?: Record<string, "ASC" | "DESC">
  match_strategy?: "all" | "any" | "last"
  facets?: (string | FacetRequest)[]
  attributes_to_retrieve?: string[]
  include_score?: boolean
  highlight?: boolean | { fields: string[]; pre_tag?: string; post_tag?: string }
  min_score?: number
}

export interface EngineHit {
  id: string
  score?: number
  document: Doc
  highlights?: Record<string, string[]>
}

export interface EngineResult {
  hits: EngineHit[]
  facets?: Record<string, FacetResult>
  count: number
  processing_time_ms: number
}

interface Stored {
  id: string
  doc: Doc
  /** Normalised text of each searchable field, in `searchable` order. */
  fields: string[]
  /** All fields joined; the substring test runs on this. */
  combined: string
  titleLength: number
}

/** Matching documents by ascending number, with their text scores. */
interface Scores {
  docs: number[]
  scores: number[]
}

const NO_SCORES: Scores = { docs: [], scores: [] }

/** Union of two score lists, combining the scores of a document in both. */
function mergeScores(a: Scores, b: Scores, combine: (x: number, y: number) => number): Scores {
  const docs: number[] = []
  const scores: number[] = []
  let i = 0
  let j = 0
  while (i < a.docs.length || j < b.docs.length) {
    if (j >= b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j])) {
      docs.push(a.docs[i])
      scores.push(a.scores[i++])
    } else if (i >= a.docs.length || b.docs[j] < a.docs[i]) {
      docs.push(b.docs[j])
      scores.push(b.scores[j++])
    } else {
      docs.push(a.docs[i])
      scores.push(combine(a.scores[i++], b.scores[j++]))
    }
  }
  return { docs, scores }
}

const SEPARATOR = "\u0001"
const MAX_MEMOISED_CLAUSES = 256
// "Every field" as a field mask (searchable fields are far fewer than 31).
const ALL_FIELDS = 0x7fff
// valueIdColumn's per-document slot: a value id, or one of these.
const UNKNOWN = -1
const SEVERAL = -2 // none or more than one: see the list
// Bits START_SHIFT and up of a posting's mask: the field starts with the bigram.
const START_SHIFT = 15

/**
 * A growable list of int32 (document numbers, field masks). Typed arrays keep tens of millions
 * of postings out of the garbage collector's sight: as plain arrays they made every major
 * collection of a 50,000-product index walk them, pausing searches for seconds.
 */
class IntList {
  private data = new Int32Array(4)
  length = 0

  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  /** The filled part, as a view (no copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length)
  }
}

/** Documents in both, their scores added. */
function intersectScores(a: Scores, b: Scores): Scores {
  const docs: number[] = []
  const scores: number[] = []
  let i = 0
  let j = 0
  while (i < a.docs.length && j < b.docs.length) {
    if (a.docs[i] === b.docs[j]) {
      docs.push(a.docs[i])
      scores.push(a.scores[i++] + b.scores[j++])
    } else if (a.docs[i] < b.docs[j]) i++
    else j++
  }
  return { docs, scores }
}

function intersectSorted(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i])
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  return out
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return ""
  if (Array.isArray(value)) return value.map(fieldText).filter(Boolean).join(" ")
  if (typeof value === "object") return Object.values(value as Doc).map(fieldText).filter(Boolean).join(" ")
  return String(value)
}

export class SearchEngine {
  private readonly searchable: SearchableField[]
  private readonly maxFieldChars: number
  private synonyms = new Map<string, string[]>()
  private docs: (Stored | undefined)[] = []
  private byId = new Map<string, number>()
  private pairs = new Map<string, IntList>()
  // Parallel to `pairs`: per posting, a bit per searchable field holding the bigram, so a
  // two-character word is scored without reading the text and a longer one is verified only
  // in the fields that can hold it.
  private pairFields = new Map<string, IntList>()
  private singles = new Map<string, IntList>()
  // The word index: each distinct run of letters and digits once, its postings (doc numbers,
  // field masks with "opens the field" bits), and which words hold each bigram / character.
  private words: string[] = []
  private wordIds = new Map<string, number>()
  private wordDocs: IntList[] = []
  private wordMasks: IntList[] = []
  private wordPairs = new Map<string, IntList>()
  private wordSingles = new Map<string, IntList>()
  // Reused per-document accumulator for the union of a word's postings (all zero between uses).
  private scratch = new Int32Array(0)
  // Length of each searchable field per document (n * fields + i): scoring from an exact mask
  // reads these instead of following each document's strings around the heap.
  private fieldLengths = new IntList()
  private readonly weights: Float64Array
  private readonly verifyRatio: number
  private tombstones = 0
  // A document number always names the same version of a document (an update gets a new
  // number), so what is derived from one never goes stale: filter results per clause and
  // facet values are memoised by number until the numbers are reassigned (clear/compaction).
  private clauses = new Map<string, { test: (doc: Doc) => boolean; results: Uint8Array }>()
  private columns = new Map<string, (unknown[] | undefined)[]>()
  private numberColumns = new Map<string, { state: Uint8Array; value: Float64Array }>()
  private valueColumns = new Map<string, { ids: Map<string, number>; names: string[]; single: Int32Array; lists: (number[] | undefined)[] }>()

  constructor(options: EngineOptions) {
    this.searchable = [...options.searchable].sort((a, b) => b.weight - a.weight)
    if (this.searchable.length > START_SHIFT) throw new Error(`At most ${START_SHIFT} searchable fields`)
    this.maxFieldChars = options.maxFieldChars ?? 400
    this.verifyRatio = options.verifyRatio ?? 4
    this.weights = Float64Array.from(this.searchable.map((f) => f.weight))
    this.setSynonyms(options.synonyms ?? [])
  }

  setSynonyms(groups: string[][]) {
    this.synonyms.clear()
    for (const group of groups) {
      const words = [...new Set(group.map(normalize).filter(Boolean))]
      for (const word of words) this.synonyms.set(word, words.filter((w) => w !== word))
    }
  }

  get size(): number {
    return this.byId.size
  }

  ids(): string[] {
    return [...this.byId.keys()]
  }

  get(id: string): Doc | undefined {
    const n = this.byId.get(id)
    return n === undefined ? undefined : this.docs[n]?.doc
  }

  upsert(documents: Doc[]) {
    for (const doc of documents) {
      const id = String(doc.id)
      this.removeOne(id)
      const fields = this.searchable.map((f) => normalize(fieldText(valueAt(doc, f.path))).slice(0, this.maxFieldChars))
      const combined = fields.join(SEPARATOR)
      const n = this.docs.length
      this.docs.push({ id, doc, fields, combined, titleLength: fields[0]?.length ?? 0 })
      this.byId.set(id, n)
      for (const field of fields) this.fieldLengths.push(field.length)
      // Doc numbers only grow, so every posting list stays sorted without re-sorting.
      const masks = new Map<string, number>()
      fields.forEach((field, i) => {
        for (const pair of textBigrams(field)) masks.set(pair, (masks.get(pair) ?? 0) | (1 << i))
        // The field's opening bigram also sets a "starts with" bit: prefix bonus without reading.
        const opening = Array.from(field.slice(0, 4)).slice(0, 2).join("")
        if (Array.from(opening).length === 2 && masks.has(opening)) masks.set(opening, (masks.get(opening) as number) | (1 << (i + START_SHIFT)))
      })
      for (const [pair, mask] of masks) {
        let list = this.pairs.get(pair)
        let fieldMasks = this.pairFields.get(pair)
        if (!list || !fieldMasks) {
          this.pairs.set(pair, (list = new IntList()))
          this.pairFields.set(pair, (fieldMasks = new IntList()))
        }
        list.push(n)
        fieldMasks.push(mask)
      }
      const wordMasks = new Map<string, number>()
      fields.forEach((field, i) => {
        for (const [word, opens] of alphanumericRuns(field)) {
          wordMasks.set(word, (wordMasks.get(word) ?? 0) | (1 << i) | (opens ? 1 << (i + START_SHIFT) : 0))
        }
      })
      for (const [word, mask] of wordMasks) {
        const w = this.wordId(word)
        this.wordDocs[w].push(n)
        this.wordMasks[w].push(mask)
      }
      for (const ch of textUnigrams(combined)) {
        if (ch === SEPARATOR) continue
        let list = this.singles.get(ch)
        if (!list) this.singles.set(ch, (list = new IntList()))
        list.push(n)
      }
    }
    this.compactIfNeeded()
  }

  private wordId(word: string): number {
    let w = this.wordIds.get(word)
    if (w !== undefined) return w
    w = this.words.length
    this.words.push(word)
    this.wordIds.set(word, w)
    this.wordDocs.push(new IntList())
    this.wordMasks.push(new IntList())
    for (const key of word.length === 1 ? [word] : bigrams(word)) {
      const index = word.length === 1 ? this.wordSingles : this.wordPairs
      let list = index.get(key)
      if (!list) index.set(key, (list = new IntList()))
      list.push(w)
    }
    // A one-letter word is found through its letter too.
    if (word.length > 1) {
      for (const ch of unigrams(word)) {
        let list = this.wordSingles.get(ch)
        if (!list) this.wordSingles.set(ch, (list = new IntList()))
        list.push(w)
      }
    }
    return w
  }

  remove(ids: string[]) {
    for (const id of ids) this.removeOne(id)
    this.compactIfNeeded()
  }

  clear() {
    this.docs = []
    this.byId.clear()
    this.pairs.clear()
    this.pairFields.clear()
    this.singles.clear()
    this.words = []
    this.wordIds.clear()
    this.wordDocs = []
    this.wordMasks = []
    this.wordPairs.clear()
    this.wordSingles.clear()
    this.fieldLengths = new IntList()
    this.clauses.clear()
    this.columns.clear()
    this.valueColumns.clear()
    this.numberColumns.clear()
    this.tombstones = 0
  }

  /**
   * A filter as a test of document numbers: each top-level clause is compiled once and its
   * answer per document remembered (the store's own filters, status and sales channel, are
   * the same on every search).
   */
  private numberPredicate(filters: Record<string, unknown> | undefined): (n: number) => boolean {
    const entries = Object.entries(filters ?? {}).filter(([key, condition]) => condition !== undefined && key !== "q")
    if (!entries.length) return () => true
    const memos = entries.map(([key, condition]) => {
      const cacheKey = JSON.stringify([key, condition])
      let memo = this.clauses.get(cacheKey)
      if (memo) this.clauses.delete(cacheKey) // re-inserted below: most recently used last
      else memo = { test: compileFilters({ [key]: condition }), results: new Uint8Array(0) }
      this.clauses.set(cacheKey, memo)
      if (memo.results.length < this.docs.length) {
        const grown = new Uint8Array(Math.max(this.docs.length + 1024, memo.results.length * 2))
        grown.set(memo.results)
        memo.results = grown
      }
      return memo
    })
    while (this.clauses.size > MAX_MEMOISED_CLAUSES) this.clauses.delete(this.clauses.keys().next().value as string)
    return (n) => {
      for (const memo of memos) {
        let answer = memo.results[n]
        if (answer === 0) {
          answer = memo.test((this.docs[n] as Stored).doc) ? 2 : 1
          memo.results[n] = answer
        }
        if (answer !== 2) return false
      }
      return true
    }
  }

  /** Grows a memo column to one slot per document number (dense, so lookups stay fast). */
  private sized<T>(column: (T | undefined)[]): (T | undefined)[] {
    while (column.length < this.docs.length) column.push(undefined)
    return column
  }

  /** A field's values per document number (arrays flattened, nulls dropped), filled as read. */
  private valueColumn(field: string): (n: number) => unknown[] {
    let column = this.columns.get(field)
    if (!column) this.columns.set(field, (column = []))
    const slots = this.sized(column)
    return (n) => {
      let values = slots[n]
      if (values === undefined) {
        const v = valueAt((this.docs[n] as Stored).doc, field)
        values = v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((x) => x !== undefined && x !== null) : [v]
        slots[n] = values
      }
      return values
    }
  }

  /** A field's single numeric value per document, typed (state 1), or "see the values" (2). */
  private numberColumn(field: string): { ensure: (n: number) => void; state: Uint8Array; value: Float64Array } {
    let column = this.numberColumns.get(field)
    if (!column || column.state.length < this.docs.length) {
      const size = Math.max(this.docs.length + 1024, (column?.state.length ?? 0) * 2)
      const grown = { state: new Uint8Array(size), value: new Float64Array(size) }
      if (column) {
        grown.state.set(column.state)
        grown.value.set(column.value)
      }
      this.numberColumns.set(field, (column = grown))
    }
    const { state, value } = column
    const valuesOf = this.valueColumn(field)
    const ensure = (n: number) => {
      if (state[n]) return
      const values = valuesOf(n)
      const x = values.length === 1 ? (typeof values[0] === "number" ? values[0] : Number(values[0])) : NaN
      if (Number.isNaN(x)) state[n] = 2
      else {
        state[n] = 1
        value[n] = x
      }
    }
    return { ensure, state, value }
  }

  /**
   * A field's values per document as small numbers (for counting) and their names. Most
   * documents hold one value, kept in a typed array; the others keep a list.
   */
  private valueIdColumn(field: string): { ensure: (n: number) => void; single: Int32Array; lists: (number[] | undefined)[]; names: string[] } {
    let column = this.valueColumns.get(field)
    if (!column) this.valueColumns.set(field, (column = { ids: new Map(), names: [], single: new Int32Array(0), lists: [] }))
    if (column.single.length < this.docs.length) {
      const grown = new Int32Array(Math.max(this.docs.length + 1024, column.single.length * 2)).fill(UNKNOWN)
      grown.set(column.single)
      column.single = grown
    }
    const { ids: idOf, names, single } = column
    const lists = this.sized(column.lists)
    const valuesOf = this.valueColumn(field)
    const ensure = (n: number) => {
      if (single[n] !== UNKNOWN) return
      const own = new Set<number>()
      for (const value of valuesOf(n)) {
        const name = String(value)
        let id = idOf.get(name)
        if (id === undefined) {
          id = names.length
          names.push(name)
          idOf.set(name, id)
        }
        own.add(id)
      }
      if (own.size === 1) single[n] = [...own][0]
      else {
        single[n] = SEVERAL
        lists[n] = [...own]
      }
    }
    return { ensure, single, lists, names }
  }


  /** Ids of the documents a filter selects (for delete-by-filter). */
  select(filters: Record<string, unknown>): string[] {
    const predicate = compileFilters(filters)
    const out: string[] = []
    for (const stored of this.docs) if (stored && predicate(stored.doc)) out.push(stored.id)
    return out
  }

  private removeOne(id: string) {
    const n = this.byId.get(id)
    if (n === undefined) return
    this.docs[n] = undefined
    this.byId.delete(id)
    this.tombstones++
  }

  // Deleted documents stay in posting lists (skipped on read) until they are a quarter of them.
  private compactIfNeeded() {
    if (this.tombstones < 1000 || this.tombstones < this.docs.length / 4) return
    const live = this.docs.filter((d): d is Stored => !!d).map((d) => d.doc)
    this.clear()
    this.upsert(live)
  }

  /** Docs whose searchable text contains `text` (verified), by doc number. */
  private containing(text: string): number[] {
    return this.containingIn(text).docs
  }

  /**
   * Docs holding `text`, with a mask per doc of the fields that hold it (verified): postings of
   * the word's bigrams intersected, their field masks ANDed, then a substring test in just
   * those fields.
   */
  private containingIn(text: string): { docs: number[]; masks: number[] } {
    if (isAlphanumeric(text)) return this.alphanumericContaining(text)
    const chars = Array.from(text)
    if (chars.length === 0) return { docs: [], masks: [] }
    if (chars.length === 1) {
      const docs = Array.from(this.singles.get(text)?.view() ?? []).filter((n) => this.docs[n])
      return { docs, masks: docs.map((n) => this.fieldMask(this.docs[n] as Stored, text, ALL_FIELDS)) }
    }
    const lists: { docs: ArrayLike<number>; masks: ArrayLike<number> }[] = []
    for (const pair of textBigrams(text)) {
      const docs = this.pairs.get(pair)
      if (!docs) return { docs: [], masks: [] }
      lists.push({ docs: docs.view(), masks: (this.pairFields.get(pair) as IntList).view() })
    }
    lists.sort((a, b) => a.docs.length - b.docs.length)
    let { docs, masks } = lists[0]
    for (let l = 1; l < lists.length && docs.length; l++) {
      const other = lists[l]
      const nextDocs: number[] = []
      const nextMasks: number[] = []
      let i = 0
      let j = 0
      while (i < docs.length && j < other.docs.length) {
        if (docs[i] === other.docs[j]) {
          const mask = masks[i] & other.masks[j] & ALL_FIELDS
          if (mask) {
            nextDocs.push(docs[i])
            nextMasks.push(mask)
          }
          i++
          j++
        } else if (docs[i] < other.docs[j]) i++
        else j++
      }
      docs = nextDocs
      masks = nextMasks
    }
    const outDocs: number[] = []
    const outMasks: number[] = []
    const exact = chars.length === 2
    for (let k = 0; k < docs.length; k++) {
      const stored = this.docs[docs[k]]
      if (!stored) continue
      const mask = exact ? masks[k] : this.fieldMask(stored, text, masks[k])
      if (!mask) continue
      outDocs.push(docs[k])
      outMasks.push(mask)
    }
    return { docs: outDocs, masks: outMasks }
  }

  /** Ids of the indexed words that contain an alphanumeric `text`. */
  private wordsContaining(text: string): ArrayLike<number> {
    if (text.length === 1) return this.wordSingles.get(text)?.view() ?? []
    const lists: Int32Array[] = []
    for (const pair of bigrams(text)) {
      const list = this.wordPairs.get(pair)
      if (!list) return []
      lists.push(list.view())
    }
    lists.sort((a, b) => a.length - b.length)
    let ids: ArrayLike<number> = lists[0]
    for (let l = 1; l < lists.length && ids.length; l++) ids = intersectSorted(ids, lists[l])
    return text.length === 2 ? ids : Array.from(ids).filter((w) => this.words[w].includes(text))
  }

  /**
   * Docs holding an alphanumeric `text`, from the postings of the words containing it, with exact
   * field masks; the "starts" bits are set where the field starts with `text` (a word opening the
   * field that starts with it).
   */
  private alphanumericContaining(text: string): { docs: number[]; masks: number[] } {
    const words = this.wordsContaining(text)
    if (!words.length) return { docs: [], masks: [] }
    if (this.scratch.length < this.docs.length) this.scratch = new Int32Array(Math.ceil(this.docs.length * 1.25) + 64)
    const acc = this.scratch
    const touched: number[] = []
    for (let k = 0; k < words.length; k++) {
      const w = words[k]
      const keep = this.words[w].startsWith(text) ? -1 : ALL_FIELDS
      const docs = this.wordDocs[w].view()
      const masks = this.wordMasks[w].view()
      for (let p = 0; p < docs.length; p++) {
        const n = docs[p]
        if (acc[n] === 0) touched.push(n)
        acc[n] |= masks[p] & keep
      }
    }
    // Postings of one word are in document order; a union of several is put back in order, by
    // a sweep of the accumulator when it is dense.
    const docs: number[] = []
    const masks: number[] = []
    const take = (n: number) => {
      if (this.docs[n]) {
        docs.push(n)
        masks.push(acc[n])
      }
      acc[n] = 0
    }
    if (words.length === 1) for (const n of touched) take(n)
    else if (touched.length > this.docs.length / 16) {
      for (let n = 0; n < this.docs.length; n++) if (acc[n] !== 0) take(n)
    } else for (const n of Int32Array.from(touched).sort()) take(n)
    return { docs, masks }
  }

  /** Which of the fields in `candidates` (a bit per field) contain `text`. */
  private fieldMask(stored: Stored, text: string, candidates: number): number {
    let mask = 0
    for (let i = 0; i < stored.fields.length; i++) if (candidates & (1 << i) && stored.fields[i].includes(text)) mask |= 1 << i
    return mask
  }

  /** The word itself plus its synonyms, also where the synonym is only part of the word. */
  private alternatives(term: string): string[] {
    const out = new Set([term])
    for (const [word, others] of this.synonyms) {
      if (!term.includes(word)) continue
      for (const other of others) out.add(term.split(word).join(other))
    }
    return [...out]
  }

  /** Score of a word wholly present in a document: the best field, plus a little for the others. */
  private wholeScore(stored: Stored, text: string, mask = ALL_FIELDS): number {
    let best = 0
    let sum = 0
    const fields = stored.fields
    for (let i = 0; i < fields.length; i++) {
      if (!(mask & (1 << i))) continue
      const field = fields[i]
      // A mask from the index is exact; without one, look.
      if (mask === ALL_FIELDS && !field.includes(text)) continue
      const starts = field.startsWith(text)
      const s = this.weights[i] * (starts ? (field.length === text.length ? 2 : 1.3) : 1)
      sum += s
      if (s > best) best = s
    }
    return best + 0.1 * (sum - best)
  }

  /**
   * `wholeScore` from an index mask whose field bits and "starts" bits are exact (a two-character
   * word, or an alphanumeric word from the word index), without reading the document's text.
   */
  private maskScore(n: number, mask: number, textLength: number): number {
    let best = 0
    let sum = 0
    const count = this.weights.length
    const lengths = this.fieldLengths.view()
    for (let i = 0; i < count; i++) {
      if (!(mask & (1 << i))) continue
      const s = this.weights[i] * (mask & (1 << (i + START_SHIFT)) ? (lengths[n * count + i] === textLength ? 2 : 1.3) : 1)
      sum += s
      if (s > best) best = s
    }
    return best + 0.1 * (sum - best)
  }

  /**
   * Whether some live document holds `text`: stops at the first one, where `containing` would
   * collect (and verify) every match of frequent bigrams just to be asked for a length.
   */
  private occurs(text: string): boolean {
    if (isAlphanumeric(text)) {
      const words = this.wordsContaining(text)
      for (let k = 0; k < words.length; k++) if (this.wordDocs[words[k]].view().some((n) => !!this.docs[n])) return true
      return false
    }
    const chars = Array.from(text)
    if (chars.length === 0) return false
    if (chars.length === 1) return (this.singles.get(text)?.view() ?? []).some((n) => !!this.docs[n])
    const lists: Int32Array[] = []
    for (const pair of textBigrams(text)) {
      const list = this.pairs.get(pair)
      if (!list) return false
      lists.push(list.view())
    }
    lists.sort((a, b) => a.length - b.length)
    const [shortest, ...others] = lists
    const at = others.map(() => 0)
    for (const n of shortest) {
      const stored = this.docs[n]
      if (!stored) continue
      let all = true
      for (let o = 0; o < others.length && all; o++) {
        const list = others[o]
        let i = at[o]
        while (i < list.length && list[i] < n) i++
        at[o] = i
        all = list[i] === n
      }
      if (all && (chars.length === 2 || stored.combined.includes(text))) return true
    }
    return false
  }

  /** Cuts a word into the longest pieces that occur somewhere in the corpus. */
  private pieces(term: string): string[] | null {
    const chars = Array.from(term)
    const out: string[] = []
    let at = 0
    while (at < chars.length) {
      let found = 0
      for (let len = chars.length - at; len >= 1; len--) {
        if (this.occurs(chars.slice(at, at + len).join(""))) {
          found = len
          break
        }
      }
      if (!found) return null
      out.push(chars.slice(at, at + found).join(""))
      at += found
    }
    return out
  }

  private matchTerm(term: string): Scores {
    let result = NO_SCORES
    for (const alternative of this.alternatives(term)) {
      const { docs, masks } = this.containingIn(alternative)
      const scores = new Array<number>(docs.length)
      const exactStarts = isAlphanumeric(alternative) || Array.from(alternative).length === 2
      const length = alternative.length
      for (let k = 0; k < docs.length; k++) {
        scores[k] = exactStarts ? this.maskScore(docs[k], masks[k], length) : this.wholeScore(this.docs[docs[k]] as Stored, alternative, masks[k])
      }
      result = result.docs.length ? mergeScores(result, { docs, scores }, Math.max) : { docs, scores }
    }
    if (result.docs.length || Array.from(term).length < 2) return result
    const pieces = this.pieces(term)
    if (!pieces || pieces.length < 2) return result
    let candidates = this.containing(pieces[0])
    for (const piece of pieces.slice(1)) candidates = intersectSorted(candidates, this.containing(piece))
    const scores = candidates.map((n) => {
      const stored = this.docs[n] as Stored
      let best = 0
      stored.fields.forEach((field, i) => {
        const gap = span(field, pieces)
        if (gap === null) return
        best = Math.max(best, (this.searchable[i].weight * 0.7) / (1 + gap / 3))
      })
      // Pieces spread over several fields still match, but weakly.
      return best || Math.min(...pieces.map((p) => this.wholeScore(stored, p))) * 0.3
    })
    return { docs: candidates, scores }
  }

  /** At most how many documents hold a word (or its synonyms), from the index's list lengths. */
  private estimate(term: string): number {
    let total = 0
    for (const alternative of this.alternatives(term)) {
      if (isAlphanumeric(alternative)) {
        const words = this.wordsContaining(alternative)
        for (let k = 0; k < words.length; k++) total += this.wordDocs[words[k]].length
      } else if (Array.from(alternative).length === 1) {
        total += this.singles.get(alternative)?.length ?? 0
      } else {
        let least = Infinity
        for (const pair of textBigrams(alternative)) least = Math.min(least, this.pairs.get(pair)?.length ?? 0)
        total += least === Infinity ? 0 : least
      }
    }
    return total
  }

  /**
   * `current` narrowed to the documents that hold `term` (one of its alternatives) as a whole,
   * each score raised by the term's, as `matchTerm` would score it. Only for a term that occurs
   * somewhere: one that does not is cut into pieces by `matchTerm`.
   */
  private testTerm(current: Scores, term: string): Scores {
    const alternatives = this.alternatives(term)
    const docs: number[] = []
    const scores: number[] = []
    for (let k = 0; k < current.docs.length; k++) {
      const stored = this.docs[current.docs[k]] as Stored
      let best = 0
      for (const alternative of alternatives) {
        const mask = this.fieldMask(stored, alternative, ALL_FIELDS)
        if (mask) best = Math.max(best, this.wholeScore(stored, alternative, mask))
      }
      if (best > 0) {
        docs.push(current.docs[k])
        scores.push(current.scores[k] + best)
      }
    }
    return { docs, scores }
  }

  /** Words of a query standing together in one field ("激光 打印" in "激光打印机") rank higher. */
  private proximity(n: number, terms: string[]): number {
    if (terms.length < 2) return 0
    const stored = this.docs[n] as Stored
    let best = 0
    stored.fields.forEach((field, i) => {
      const gap = span(field, terms)
      if (gap !== null) best = Math.max(best, (this.searchable[i].weight * 0.3) / (1 + gap / 2))
    })
    return best
  }

  /** Text scores of a query, shared by the facet queries of one search (same `q`). */
  textScores(q: string, strategy: "all" | "any" | "last" = "all", cache?: Map<string, Scores | null>): Scores | null {
    const key = `${strategy}:${q}`
    if (cache?.has(key)) return cache.get(key) as Scores | null
    const terms = queryTerms(q)
    let result: Scores | null = null
    if (terms.length) {
        if (terms.length === 1) {
        result = this.matchTerm(terms[0])
      } else if (strategy === "any") {
        result = terms.map((t) => this.matchTerm(t)).reduce((a, b) => mergeScores(a, b, (x, y) => x + y))
      } else {
        // Every word: the rarest first; each further word is collected and intersected, or,
        // when its lists dwarf the documents left, tested in just those documents.
        const ordered = terms.map((term) => ({ term, estimate: this.estimate(term) })).sort((a, b) => a.estimate - b.estimate)
        let current = this.matchTerm(ordered[0].term)
        for (const { term, estimate } of ordered.slice(1)) {
          if (!current.docs.length) break
          const test = estimate > this.verifyRatio * current.docs.length && this.alternatives(term).some((a) => this.occurs(a))
          current = test ? this.testTerm(current, term) : intersectScores(current, this.matchTerm(term))
        }
        const { docs } = current
        result = { docs, scores: docs.map((n, k) => current.scores[k] + this.proximity(n, terms)) }
      }
    }
    cache?.set(key, result)
    return result
  }

  search(query: EngineQuery, cache?: Map<string, Scores | null>): EngineResult {
    const started = performance.now()
    const predicate = this.numberPredicate(query.filters)
    const text = query.q && query.q.trim() ? this.textScores(query.q, query.match_strategy, cache) : null

    const matched: { n: number; score: number }[] = []
    if (text) {
      for (let k = 0; k < text.docs.length; k++) {
        const score = text.scores[k]
        if (query.min_score !== undefined && score < query.min_score) continue
        if (predicate(text.docs[k])) matched.push({ n: text.docs[k], score })
      }
    } else {
      for (let n = 0; n < this.docs.length; n++) if (this.docs[n] && predicate(n)) matched.push({ n, score: 0 })
    }

    const skip = query.skip ?? 0
    const take = query.take ?? 20
    const page = this.top(matched, skip + take, query.order, !!text).slice(skip)
    const terms = text ? queryTerms(query.q as string) : []
    const hits = page.map(({ n, score }) => {
      const stored = this.docs[n] as Stored
      const hit: EngineHit = { id: stored.id, document: project(stored.doc, query.attributes_to_retrieve) }
      if (query.include_score) hit.score = score
      if (query.highlight && terms.length) hit.highlights = this.highlight(stored.doc, terms, query.highlight)
      return hit
    })

    const facets = query.facets?.length ? this.facets(matched, query.facets) : undefined
    return { hits, facets, count: matched.length, processing_time_ms: performance.now() - started }
  }

  /**
   * The first `k` of `matched` in the requested order. A page needs 20 of possibly tens of
   * thousands of matches: a bounded heap (n log k) instead of sorting them all (n log n).
   */
  private top(matched: { n: number; score: number }[], k: number, order: Record<string, "ASC" | "DESC"> | undefined, hasText: boolean) {
    const compare = this.comparator(order, hasText)
    if (k <= 0) return []
    if (k * 8 >= matched.length) return matched.sort(compare).slice(0, k)
    // Max-heap on `compare`: the root is the worst of the best k seen so far.
    const heap: { n: number; score: number }[] = []
    const up = (i: number) => {
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (compare(heap[i], heap[parent]) <= 0) return
        ;[heap[i], heap[parent]] = [heap[parent], heap[i]]
        i = parent
      }
    }
    const down = (i: number) => {
      for (;;) {
        const left = 2 * i + 1
        const right = left + 1
        let worst = i
        if (left < heap.length && compare(heap[left], heap[worst]) > 0) worst = left
        if (right < heap.length && compare(heap[right], heap[worst]) > 0) worst = right
        if (worst === i) return
        ;[heap[i], heap[worst]] = [heap[worst], heap[i]]
        i = worst
      }
    }
    for (const item of matched) {
      if (heap.length < k) {
        heap.push(item)
        up(heap.length - 1)
      } else if (compare(item, heap[0]) < 0) {
        heap[0] = item
        down(0)
      }
    }
    return heap.sort(compare)
  }

  private comparator(order: Record<string, "ASC" | "DESC"> | undefined, hasText: boolean) {
    const keys = Object.entries(order ?? {})
    if (!keys.length) keys.push(hasText ? ["_score", "DESC"] : ["__docnum", "ASC"])
    const tieBreak = (a: { n: number }, b: { n: number }) => {
      const x = this.docs[a.n] as Stored
      const y = this.docs[b.n] as Stored
      return x.titleLength - y.titleLength || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
    }
    return (a: { n: number; score: number }, b: { n: number; score: number }) => {
      for (const [field, direction] of keys) {
        const sign = direction === "DESC" ? -1 : 1
        if (field === "_score") {
          if (a.score !== b.score) return (a.score - b.score) * sign
          continue
        }
        if (field === "__docnum") return a.n - b.n
        const x = sortValue(valueAt((this.docs[a.n] as Stored).doc, field), direction)
        const y = sortValue(valueAt((this.docs[b.n] as Stored).doc, field), direction)
        // Documents without the field go last in either direction.
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1
          continue
        }
        if (x < y) return -1 * sign
        if (x > y) return 1 * sign
      }
      return tieBreak(a, b)
    }
  }

  private facets(matched: { n: number }[], requests: (string | FacetRequest)[]): Record<string, FacetResult> {
    const out: Record<string, FacetResult> = {}
    for (const raw of requests) {
      const request: FacetRequest = typeof raw === "string" ? { field: raw } : raw
      if (request.type === "range") {
        const values = this.valueColumn(request.field)
        const ranges = request.ranges.map((r) => ({ key: r.key ?? `${r.from ?? "*"}-${r.to ?? "*"}`, from: r.from, to: r.to, count: 0 }))
        const bounds = ranges.map((r) => ({ from: r.from === undefined ? -Infinity : Number(r.from), to: r.to === undefined ? Infinity : Number(r.to) }))
        const numbers = this.numberColumn(request.field)
        for (let k = 0; k < matched.length; k++) {
          const n = matched[k].n
          numbers.ensure(n)
          if (numbers.state[n] === 1) {
            const x = numbers.value[n]
            for (let r = 0; r < bounds.length; r++) if (x >= bounds[r].from && x < bounds[r].to) ranges[r].count++
            continue
          }
          const list = values(n)
          for (let r = 0; r < ranges.length; r++) {
            const { from, to } = bounds[r]
            for (const v of list) {
              const x = typeof v === "number" ? v : Number(v)
              if (x >= from && x < to) {
                ranges[r].count++
                break
              }
            }
          }
        }
        out[request.field] = { type: "range", ranges }
      } else if (request.type === "stats") {
        const values = this.valueColumn(request.field)
        let min = Infinity
        let max = -Infinity
        let sum = 0
        let count = 0
        for (const { n } of matched) {
          for (const v of values(n)) {
            const x = Number(v)
            if (Number.isNaN(x)) continue
            min = Math.min(min, x)
            max = Math.max(max, x)
            sum += x
            count++
          }
        }
        out[request.field] = count ? { type: "stats", min, max, sum, avg: sum / count, count } : { type: "stats", min: 0, max: 0, sum: 0, count: 0 }
      } else {
        const { ensure, single, lists, names } = this.valueIdColumn(request.field)
        for (let k = 0; k < matched.length; k++) ensure(matched[k].n)
        const tally = new Int32Array(names.length)
        for (let k = 0; k < matched.length; k++) {
          const n = matched[k].n
          const id = single[n]
          if (id >= 0) tally[id]++
          else for (const other of lists[n] as number[]) tally[other]++
        }
        let entries: { value: string; count: number }[] = []
        tally.forEach((count, id) => {
          if (count) entries.push({ value: names[id], count })
        })
        if (request.query) {
          const needle = normalize(request.query)
          entries = entries.filter((e) => normalize(e.value).includes(needle))
        }
        entries.sort((a, b) =>
          request.sort === "alpha" ? a.value.localeCompare(b.value, "zh-CN") : b.count - a.count || a.value.localeCompare(b.value, "zh-CN")
        )
        const limit = request.limit ?? 100
        const shown = entries.slice(0, limit)
        const other = entries.slice(limit).reduce((s, e) => s + e.count, 0)
        out[request.field] = { type: "value", values: shown, ...(other ? { other_count: other } : {}) }
      }
    }
    return out
  }

  private highlight(doc: Doc, terms: string[], option: true | { fields: string[]; pre_tag?: string; post_tag?: string }): Record<string, string[]> {
    const fields = option === true ? this.searchable.map((f) => f.path) : option.fields
    const pre = option === true ? "<mark>" : option.pre_tag ?? "<mark>"
    const post = option === true ? "</mark>" : option.post_tag ?? "</mark>"
    const out: Record<string, string[]> = {}
    const source = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")
    const pattern = new RegExp(source, "gi")
    const probe = new RegExp(source, "i")
    for (const path of fields) {
      const value = valueAt(doc, path)
      const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string")
      const marked = texts.filter((t) => probe.test(t.normalize("NFKC"))).map((t) => t.normalize("NFKC").replace(pattern, (m) => `${pre}${m}${post}`))
      if (marked.length) out[path] = marked
    }
    return out
  }
}

function sortValue(value: unknown, direction: "ASC" | "DESC"): number | string | null {
  const list = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined)
  if (!list.length) return null
  const mapped = list.map((v) => {
    if (typeof v === "number") return v
    if (typeof v === "boolean") return v ? 1 : 0
    if (v instanceof Date) return v.getTime()
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) return Date.parse(v)
    return String(v)
  })
  // A multi-valued field sorts by its smallest value ascending, its largest descending.
  return mapped.reduce((best, v) => ((direction === "ASC" ? v < best : v > best) ? v : best))
}

function project(doc: Doc, attributes: string[] | undefined): Doc {
  if (!attributes?.length) return doc
  const out: Doc = {}
  for (const path of attributes) {
    const value = valueAt(doc, path)
    if (value === undefined) continue
    const parts = path.split(".")
    let target = out
    parts.slice(0, -1).forEach((part) => {
      target[part] = (target[part] as Doc) ?? {}
      target = target[part] as Doc
    })
    target[parts[parts.length - 1]] = value
  }
  return out
}
