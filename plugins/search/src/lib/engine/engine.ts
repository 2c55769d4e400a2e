import { compileFilters, valueAt, type Doc } from "./filters"
import { bigrams, normalize, queryTerms, span, unigrams } from "./text"

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

type Scores = Map<number, number>

const SEPARATOR = "\u0001"

function intersectSorted(a: number[], b: number[]): number[] {
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
  private pairs = new Map<string, number[]>()
  private singles = new Map<string, number[]>()
  private tombstones = 0

  constructor(options: EngineOptions) {
    this.searchable = [...options.searchable].sort((a, b) => b.weight - a.weight)
    this.maxFieldChars = options.maxFieldChars ?? 400
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
      // Doc numbers only grow, so every posting list stays sorted without re-sorting.
      for (const pair of bigrams(combined)) {
        if (pair.includes(SEPARATOR)) continue
        const list = this.pairs.get(pair)
        if (list) list.push(n)
        else this.pairs.set(pair, [n])
      }
      for (const ch of unigrams(combined)) {
        if (ch === SEPARATOR) continue
        const list = this.singles.get(ch)
        if (list) list.push(n)
        else this.singles.set(ch, [n])
      }
    }
    this.compactIfNeeded()
  }

  remove(ids: string[]) {
    for (const id of ids) this.removeOne(id)
    this.compactIfNeeded()
  }

  clear() {
    this.docs = []
    this.byId.clear()
    this.pairs.clear()
    this.singles.clear()
    this.tombstones = 0
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
    const chars = Array.from(text)
    if (chars.length === 0) return []
    if (chars.length === 1) return (this.singles.get(text) ?? []).filter((n) => this.docs[n])
    const lists: number[][] = []
    for (const pair of bigrams(text)) {
      const list = this.pairs.get(pair)
      if (!list) return []
      lists.push(list)
    }
    lists.sort((a, b) => a.length - b.length)
    let candidates = lists[0]
    for (let i = 1; i < lists.length && candidates.length; i++) candidates = intersectSorted(candidates, lists[i])
    if (chars.length === 2) return candidates.filter((n) => this.docs[n])
    return candidates.filter((n) => this.docs[n]?.combined.includes(text))
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
  private wholeScore(stored: Stored, text: string): number {
    let best = 0
    let sum = 0
    stored.fields.forEach((field, i) => {
      if (!field.includes(text)) return
      const weight = this.searchable[i].weight
      const s = weight * (field === text ? 2 : field.startsWith(text) ? 1.3 : 1)
      sum += s
      best = Math.max(best, s)
    })
    return best + 0.1 * (sum - best)
  }

  /** Cuts a word into the longest pieces that occur somewhere in the corpus. */
  private pieces(term: string): string[] | null {
    const chars = Array.from(term)
    const out: string[] = []
    let at = 0
    while (at < chars.length) {
      let found = 0
      for (let len = chars.length - at; len >= 1; len--) {
        if (this.containing(chars.slice(at, at + len).join("")).length) {
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
    const scores: Scores = new Map()
    for (const alternative of this.alternatives(term)) {
      for (const n of this.containing(alternative)) {
        const s = this.wholeScore(this.docs[n] as Stored, alternative)
        if (s > (scores.get(n) ?? 0)) scores.set(n, s)
      }
    }
    if (scores.size || Array.from(term).length < 2) return scores
    const pieces = this.pieces(term)
    if (!pieces || pieces.length < 2) return scores
    let candidates = this.containing(pieces[0])
    for (const piece of pieces.slice(1)) candidates = intersectSorted(candidates, this.containing(piece))
    for (const n of candidates) {
      const stored = this.docs[n] as Stored
      let best = 0
      stored.fields.forEach((field, i) => {
        const gap = span(field, pieces)
        if (gap === null) return
        best = Math.max(best, (this.searchable[i].weight * 0.7) / (1 + gap / 3))
      })
      // Pieces spread over several fields still match, but weakly.
      if (!best) best = Math.min(...pieces.map((p) => this.wholeScore(stored, p))) * 0.3
      scores.set(n, best)
    }
    return scores
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
      const perTerm = terms.map((t) => this.matchTerm(t))
      if (strategy === "any") {
        result = new Map()
        for (const scores of perTerm) for (const [n, s] of scores) result.set(n, (result.get(n) ?? 0) + s)
      } else {
        perTerm.sort((a, b) => a.size - b.size)
        result = new Map()
        for (const [n, s] of perTerm[0]) {
          let total = s
          let all = true
          for (let i = 1; i < perTerm.length; i++) {
            const other = perTerm[i].get(n)
            if (other === undefined) {
              all = false
              break
            }
            total += other
          }
          if (all) result.set(n, total + this.proximity(n, terms))
        }
      }
    }
    cache?.set(key, result)
    return result
  }

  search(query: EngineQuery, cache?: Map<string, Scores | null>): EngineResult {
    const started = performance.now()
    const predicate = compileFilters(query.filters)
    const text = query.q && query.q.trim() ? this.textScores(query.q, query.match_strategy, cache) : null

    const matched: { n: number; score: number }[] = []
    if (text) {
      for (const [n, score] of text) {
        if (query.min_score !== undefined && score < query.min_score) continue
        if (predicate((this.docs[n] as Stored).doc)) matched.push({ n, score })
      }
    } else {
      this.docs.forEach((stored, n) => {
        if (stored && predicate(stored.doc)) matched.push({ n, score: 0 })
      })
    }

    this.sort(matched, query.order, !!text)
    const skip = query.skip ?? 0
    const take = query.take ?? 20
    const terms = text ? queryTerms(query.q as string) : []
    const hits = matched.slice(skip, skip + take).map(({ n, score }) => {
      const stored = this.docs[n] as Stored
      const hit: EngineHit = { id: stored.id, document: project(stored.doc, query.attributes_to_retrieve) }
      if (query.include_score) hit.score = score
      if (query.highlight && terms.length) hit.highlights = this.highlight(stored.doc, terms, query.highlight)
      return hit
    })

    const facets = query.facets?.length ? this.facets(matched, query.facets) : undefined
    return { hits, facets, count: matched.length, processing_time_ms: performance.now() - started }
  }

  private sort(matched: { n: number; score: number }[], order: Record<string, "ASC" | "DESC"> | undefined, hasText: boolean) {
    const keys = Object.entries(order ?? {})
    if (!keys.length) keys.push(hasText ? ["_score", "DESC"] : ["__docnum", "ASC"])
    const tieBreak = (a: { n: number }, b: { n: number }) => {
      const x = this.docs[a.n] as Stored
      const y = this.docs[b.n] as Stored
      return x.titleLength - y.titleLength || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
    }
    matched.sort((a, b) => {
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
    })
  }

  private facets(matched: { n: number }[], requests: (string | FacetRequest)[]): Record<string, FacetResult> {
    const out: Record<string, FacetResult> = {}
    for (const raw of requests) {
      const request: FacetRequest = typeof raw === "string" ? { field: raw } : raw
      const values = (n: number) => {
        const v = valueAt((this.docs[n] as Stored).doc, request.field)
        return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]
      }
      if (request.type === "range") {
        const ranges = request.ranges.map((r) => ({ key: r.key ?? `${r.from ?? "*"}-${r.to ?? "*"}`, from: r.from, to: r.to, count: 0 }))
        for (const { n } of matched) {
          for (const range of ranges) {
            const hit = values(n).some((v) => {
              const x = typeof v === "number" ? v : Number(v)
              return (range.from === undefined || x >= Number(range.from)) && (range.to === undefined || x < Number(range.to))
            })
            if (hit) range.count++
          }
        }
        out[request.field] = { type: "range", ranges }
      } else if (request.type === "stats") {
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
        const counts = new Map<string, number>()
        for (const { n } of matched) {
          for (const v of new Set(values(n).map((x) => String(x)))) counts.set(v, (counts.get(v) ?? 0) + 1)
        }
        let entries = [...counts].map(([value, count]) => ({ value, count }))
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
