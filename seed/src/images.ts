// Product card images for the demo catalogue. One 1600 px card is composed per product
// (SVG shapes for the background, Pango text for the Chinese wording, rendered with the
// bundled Noto Sans Hans fonts so no system CJK font is needed), then resized to the
// smaller widths and written as WebP.

import { createRequire } from "node:module"
import { promises as fs } from "node:fs"
import * as path from "node:path"
import sharp from "sharp"
import { KIND_LABELS } from "./catalogue/vocabulary"
import type { OfferKind } from "./catalogue/types"

export const IMAGE_WIDTHS = { thumb: 240, medium: 800, large: 1600 } as const
export type ImageSize = keyof typeof IMAGE_WIDTHS
export interface RenderedImage {
  size: ImageSize
  width: number
  height: number
  fileName: string
}

export interface ProductImageInput {
  handle: string
  title: string
  categoryName: string
  color: string
  kindLabel: string
  supplierName: string
}

const SIZES = Object.keys(IMAGE_WIDTHS) as ImageSize[]
const CANVAS = IMAGE_WIDTHS.large
const MARGIN = 96
const CARD_PADDING = 80
const TEXT_WIDTH = CANVAS - 2 * MARGIN - 2 * CARD_PADDING
const INK = "#1F2937"
const MUTED = "#6B7280"
/** Pango's family name inside the NotoSansHans OTF files. */
export const FONT_FAMILY = "Noto Sans S Chinese"
/** Low effort keeps a 1600 px encode fast (about 3× faster than the default 4); the flat artwork barely grows. */
const WEBP_OPTIONS = { quality: 82, effort: 1 } as const

// ---------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------

type Weight = "Regular" | "Medium" | "Bold"

let fontDirCache: string | undefined

/** The fonts directory of @embedpdf/fonts-sc; its package.json is not exported, so resolve the entry point. */
function fontDir(): string {
  if (!fontDirCache) {
    // CJS (Medusa, tsx) and vitest provide __filename; plain ESM falls back to the working directory.
    const anchor = typeof __filename === "string" ? __filename : path.join(process.cwd(), "noop.js")
    const entry = createRequire(anchor).resolve("@embedpdf/fonts-sc")
    fontDirCache = path.join(path.dirname(entry), "..", "fonts")
  }
  return fontDirCache
}

export function fontFile(weight: Weight): string {
  return path.join(fontDir(), `NotoSansHans-${weight}.otf`)
}

// ---------------------------------------------------------------------------
// Text layout
// ---------------------------------------------------------------------------

/** Approximate advance of a character in em, good enough to wrap before Pango renders. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0
  if (code >= 0x2e80) return 1 // CJK ideographs, kana, fullwidth forms
  if (ch === " ") return 0.26
  if (/[0-9]/.test(ch)) return 0.58
  if (/[A-Z]/.test(ch)) return 0.66
  if (/[a-z]/.test(ch)) return 0.55
  if (ch === "·" || ch === "." || ch === "," || ch === ":") return 0.3
  return 0.6
}

const textWidth = (s: string): number => [...s].reduce((sum, ch) => sum + charWidth(ch), 0)

/** Characters that must not start a line (禁则). */
const NO_LINE_START = /^[）)】」』、，。：；！？·%]/

interface Segment {
  text: string
  /** Whether a space separated it from the previous segment in the title. */
  spaced: boolean
}

/**
 * Splits a title at its natural break points: spaces, after "·" or "、", before an opening
 * bracket. Chinese has no spaces between words, so these are the only safe places.
 */
function segmentsOf(title: string): Segment[] {
  const segments: Segment[] = []
  let current = ""
  let spaced = false
  const push = (nextSpaced: boolean) => {
    if (current) segments.push({ text: current, spaced })
    current = ""
    spaced = nextSpaced
  }
  for (const ch of title) {
    if (/\s/.test(ch)) push(true)
    else if (/[（(【]/.test(ch)) {
      push(false)
      current = ch
    } else {
      current += ch
      if (/[·、]/.test(ch)) push(false)
    }
  }
  push(false)
  return segments
}

/** Packs whole segments into lines; undefined when a single segment is wider than a line. */
function packSegments(segments: Segment[], maxEm: number): string[] | undefined {
  const lines: string[] = []
  let line = ""
  for (const seg of segments) {
    if (textWidth(seg.text) > maxEm) return undefined
    const joined = line ? line + (seg.spaced ? " " : "") + seg.text : seg.text
    if (textWidth(joined) <= maxEm) line = joined
    else {
      // A separator dot at the end of a line reads as a stray mark; the line break replaces it.
      lines.push(line.replace(/·$/, ""))
      line = seg.text
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Last resort for very long segments: break between any two characters, keeping ASCII words whole. */
function breakAnywhere(title: string, maxEm: number): string[] {
  const tokens = title.match(/[A-Za-z0-9.+\-×/%]+|\s+|./gu) ?? []
  const lines: string[] = []
  let line = ""
  for (const token of tokens) {
    if (!line && /^\s+$/.test(token)) continue
    if (textWidth(line + token) <= maxEm || !line || NO_LINE_START.test(token)) line += token
    else {
      lines.push(line.trimEnd())
      line = /^\s+$/.test(token) ? "" : token
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

/** Wraps a title into lines of at most `maxEm` em, preferring natural break points. */
export function wrapTitle(title: string, maxEm: number): string[] {
  return packSegments(segmentsOf(title), maxEm) ?? breakAnywhere(title, maxEm)
}

const TITLE_SIZES = [108, 96, 86, 76] as const

/**
 * Largest title size whose lines break only at natural points and fit in three lines;
 * failing that, the smallest size with breaks anywhere, ellipsised after three lines.
 */
function layoutTitle(title: string): { size: number; lines: string[] } {
  const segments = segmentsOf(title)
  for (const size of TITLE_SIZES) {
    const lines = packSegments(segments, TEXT_WIDTH / size)
    if (lines && lines.length <= 3) return { size, lines }
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1]
  const lines = breakAnywhere(title, TEXT_WIDTH / size)
  if (lines.length > 3) {
    lines.length = 3
    lines[2] = lines[2].slice(0, -1) + "…"
  }
  return { size, lines }
}

function escapeMarkup(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}

interface TextLayer {
  data: Buffer
  width: number
  height: number
}

async function renderText(text: string, weight: Weight, size: number, color: string, maxWidth: number): Promise<TextLayer> {
  const markup = `<span foreground="${color}">${escapeMarkup(text)}</span>`
  let image = sharp({
    text: {
      text: markup,
      font: `${FONT_FAMILY} ${weight} ${size}`,
      fontfile: fontFile(weight),
      rgba: true,
      dpi: 72,
      spacing: Math.round(size * 0.3),
    },
  })
  let { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
  // Safety net for an underestimated line width: shrink rather than overflow the card.
  if (info.width > maxWidth) {
    image = sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).resize({ width: maxWidth })
    ;({ data, info } = await image.raw().toBuffer({ resolveWithObject: true }))
  }
  return { data, width: info.width, height: info.height }
}

// ---------------------------------------------------------------------------
// Artwork
// ---------------------------------------------------------------------------

function shade(hex: string, amount: number): string {
  // amount > 0 mixes towards white, < 0 towards black
  const target = amount > 0 ? 255 : 0
  const a = Math.abs(amount)
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return "#" + rgb.map((c) => Math.round(c + (target - c) * a).toString(16).padStart(2, "0")).join("")
}

function normaliseColor(color: string): string {
  if (/^#[0-9a-fA-F]{6}$/.test(color)) return color
  if (/^#[0-9a-fA-F]{3}$/.test(color)) return "#" + [...color.slice(1)].map((c) => c + c).join("")
  return "#4A5568"
}

/** FNV-1a, so each product gets its own but stable arrangement of shapes. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (const ch of s) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

function kindOfLabel(label: string): OfferKind | undefined {
  return (Object.keys(KIND_LABELS) as OfferKind[]).find((k) => KIND_LABELS[k] === label)
}

function polygonPoints(cx: number, cy: number, radii: number[], steps: number, phase = 0): string {
  const points: string[] = []
  for (let i = 0; i < steps; i++) {
    const r = radii[i % radii.length]
    const a = phase + (i / steps) * Math.PI * 2
    points.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`)
  }
  return points.join(" ")
}

/** A line-art motif per kind of offer, drawn in the upper right of the card. */
function kindIcon(kind: OfferKind | undefined, cx: number, cy: number): string {
  const stroke = `fill="none" stroke="#FFFFFF" stroke-opacity="0.42" stroke-width="16" stroke-linejoin="round" stroke-linecap="round"`
  switch (kind) {
    case "goods": // a parcel box
      return `<g ${stroke}>
        <polygon points="${cx},${cy - 190} ${cx + 200},${cy - 90} ${cx},${cy + 10} ${cx - 200},${cy - 90}"/>
        <polyline points="${cx - 200},${cy - 90} ${cx - 200},${cy + 130} ${cx},${cy + 230} ${cx + 200},${cy + 130} ${cx + 200},${cy - 90}"/>
        <line x1="${cx}" y1="${cy + 10}" x2="${cx}" y2="${cy + 230}"/>
        <polyline points="${cx - 100},${cy - 140} ${cx + 100},${cy - 40} ${cx + 100},${cy + 40}"/>
      </g>`
    case "rental": // a clock inside a returning arrow: borrowed for a period, then returned
      return `<g ${stroke}>
        <path d="M ${cx + 200} ${cy} A 200 200 0 1 1 ${cx + 141} ${cy - 141}"/>
        <polyline points="${cx + 150},${cy - 215} ${cx + 145},${cy - 138} ${cx + 222},${cy - 130}"/>
        <circle cx="${cx}" cy="${cy}" r="120"/>
        <polyline points="${cx},${cy - 70} ${cx},${cy} ${cx + 55},${cy + 40}"/>
      </g>`
    case "service": // a gear
      return `<g ${stroke}>
        <polygon points="${polygonPoints(cx, cy, [215, 215, 165, 165], 48, Math.PI / 48)}"/>
        <circle cx="${cx}" cy="${cy}" r="80"/>
      </g>`
    case "specialty": // a plum blossom (梅花)
      return `<g ${stroke}>
        ${[0, 1, 2, 3, 4]
          .map((i) => {
            const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5
            return `<circle cx="${(cx + 118 * Math.cos(a)).toFixed(1)}" cy="${(cy + 118 * Math.sin(a)).toFixed(1)}" r="92"/>`
          })
          .join("")}
        <circle cx="${cx}" cy="${cy}" r="40"/>
      </g>`
    default:
      return `<g ${stroke}><circle cx="${cx}" cy="${cy}" r="200"/><circle cx="${cx}" cy="${cy}" r="110"/></g>`
  }
}

/** Plain circles rather than an SVG <pattern>, which librsvg rasterises several times slower. */
function dotGrid(x: number, y: number, columns: number, rows: number): string {
  const dots: string[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) dots.push(`<circle cx="${x + c * 48}" cy="${y + r * 48}" r="5"/>`)
  }
  return `<g fill="#FFFFFF" fill-opacity="0.22">${dots.join("")}</g>`
}

interface CardGeometry {
  pillWidth: number
  pillHeight: number
  cardTop: number
}

function backgroundSvg(input: ProductImageInput, color: string, g: CardGeometry): string {
  const h = hash(input.handle)
  const angle = 20 + (h % 50) // gradient direction in degrees
  const bubbleX = 1150 + ((h >>> 8) % 300)
  const bubbleY = 180 + ((h >>> 16) % 200)
  const ringR = 300 + ((h >>> 4) % 160)
  const dotShift = (h >>> 12) % 24
  const light = shade(color, 0.22)
  const dark = shade(color, -0.3)
  const rad = (angle * Math.PI) / 180
  const x2 = (50 + 50 * Math.cos(rad)).toFixed(1)
  const y2 = (50 + 50 * Math.sin(rad)).toFixed(1)
  const x1 = (50 - 50 * Math.cos(rad)).toFixed(1)
  const y1 = (50 - 50 * Math.sin(rad)).toFixed(1)
  const cardHeight = CANVAS - MARGIN - g.cardTop
  // The motif shrinks when a three-line title pushes the card up.
  const iconSpace = g.cardTop - (MARGIN + g.pillHeight) - 60
  const iconScale = Math.min(1, iconSpace / 480)
  const iconCy = MARGIN + g.pillHeight + 30 + iconSpace / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS}" height="${CANVAS}" viewBox="0 0 ${CANVAS} ${CANVAS}">
  <defs>
    <linearGradient id="bg" x1="${x1}%" y1="${y1}%" x2="${x2}%" y2="${y2}%">
      <stop offset="0" stop-color="${light}"/>
      <stop offset="1" stop-color="${dark}"/>
    </linearGradient>
  </defs>
  <rect width="${CANVAS}" height="${CANVAS}" fill="url(#bg)"/>
  <circle cx="${bubbleX}" cy="${bubbleY}" r="560" fill="#FFFFFF" fill-opacity="0.08"/>
  <circle cx="${bubbleX - 260}" cy="${bubbleY + 330}" r="${ringR}" fill="none" stroke="#FFFFFF" stroke-opacity="0.14" stroke-width="10"/>
  ${dotGrid(MARGIN - 32 + dotShift, MARGIN + g.pillHeight + 68 + dotShift, 10, Math.floor((g.cardTop - MARGIN - g.pillHeight - 110) / 48))}
  <circle cx="${120 + ((h >>> 20) % 200)}" cy="${CANVAS - 40}" r="260" fill="${dark}" fill-opacity="0.35"/>
  <g transform="translate(1170 ${iconCy.toFixed(1)}) scale(${iconScale.toFixed(3)}) translate(-1170 ${(-iconCy).toFixed(1)})">
    ${kindIcon(kindOfLabel(input.kindLabel), 1170, iconCy)}
  </g>
  <rect x="${MARGIN}" y="${MARGIN}" width="${g.pillWidth}" height="${g.pillHeight}" rx="${g.pillHeight / 2}" fill="#FFFFFF" fill-opacity="0.94"/>
  <rect x="${MARGIN + 10}" y="${g.cardTop + 18}" width="${CANVAS - 2 * MARGIN}" height="${cardHeight}" rx="56" fill="#000000" fill-opacity="0.16"/>
  <rect x="${MARGIN}" y="${g.cardTop}" width="${CANVAS - 2 * MARGIN}" height="${cardHeight}" rx="56" fill="#FFFFFF"/>
  <rect x="${MARGIN + CARD_PADDING}" y="${g.cardTop + CARD_PADDING + 6}" width="14" height="52" rx="7" fill="${color}"/>
  <line x1="${MARGIN + CARD_PADDING}" x2="${CANVAS - MARGIN - CARD_PADDING}" y1="${CANVAS - MARGIN - CARD_PADDING - 96}" y2="${CANVAS - MARGIN - CARD_PADDING - 96}" stroke="#E5E7EB" stroke-width="4"/>
</svg>`
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/** Composes the 1600 px card and returns it as raw RGB pixels. */
async function composeCard(input: ProductImageInput): Promise<{ data: Buffer; width: number; height: number }> {
  const color = normaliseColor(input.color)
  const { size: titleSize, lines } = layoutTitle(input.title)
  const [kind, category, title, supplier, mark] = await Promise.all([
    renderText(input.kindLabel, "Medium", 46, shade(color, -0.25), CANVAS - 2 * MARGIN - 80),
    renderText(input.categoryName, "Medium", 52, color, TEXT_WIDTH - 40),
    renderText(lines.join("\n"), "Bold", titleSize, INK, TEXT_WIDTH),
    renderText(`供应商  ${input.supplierName}`, "Regular", 42, MUTED, TEXT_WIDTH),
    renderText("现代公物仓", "Medium", 40, "#FFFFFF", 400),
  ])

  const pillHeight = kind.height + 36
  const pillWidth = kind.width + 80
  // Card grows upwards with the title so two- and three-line titles both sit comfortably.
  const cardInner = 64 + 48 + title.height + 72 + 96
  const cardTop = Math.max(520, CANVAS - MARGIN - CARD_PADDING * 2 - cardInner)
  const svg = backgroundSvg(input, color, { pillWidth, pillHeight, cardTop })

  const raw = (layer: TextLayer, left: number, top: number) => ({
    input: layer.data,
    raw: { width: layer.width, height: layer.height, channels: 4 as const },
    left: Math.round(left),
    top: Math.round(top),
  })
  const footerTop = CANVAS - MARGIN - CARD_PADDING - 96 + 36
  const { data, info } = await sharp(Buffer.from(svg))
    .composite([
      raw(kind, MARGIN + 40, MARGIN + (pillHeight - kind.height) / 2),
      raw(mark, CANVAS - MARGIN - mark.width, MARGIN + (pillHeight - mark.height) / 2),
      raw(category, MARGIN + CARD_PADDING + 36, cardTop + CARD_PADDING),
      raw(title, MARGIN + CARD_PADDING, cardTop + CARD_PADDING + 64 + 48),
      raw(supplier, MARGIN + CARD_PADDING, footerTop),
    ])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

async function nonEmptyFile(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file)
    return stat.isFile() && stat.size > 0
  } catch {
    return false
  }
}

export function imageFileName(handle: string, size: ImageSize): string {
  return `${handle}-${size}.webp`
}

/** Renders the product's card once and writes WebP files `${handle}-${size}.webp` into outDir; skips files that already exist with non-zero size (idempotent). Square images. */
export async function renderProductImages(input: ProductImageInput, outDir: string): Promise<RenderedImage[]> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(input.handle)) {
    throw new Error(`image handle must be lowercase ascii-kebab, got '${input.handle}'`)
  }
  const results: RenderedImage[] = SIZES.map((size) => ({
    size,
    width: IMAGE_WIDTHS[size],
    height: IMAGE_WIDTHS[size],
    fileName: imageFileName(input.handle, size),
  }))
  const existing = await Promise.all(results.map((r) => nonEmptyFile(path.join(outDir, r.fileName))))
  const missing = results.filter((_, i) => !existing[i])
  if (missing.length === 0) return results

  await fs.mkdir(outDir, { recursive: true })
  const card = await composeCard(input)
  await Promise.all(
    missing.map(async (r) => {
      const target = path.join(outDir, r.fileName)
      // Write beside the target and rename, so an interrupted run never leaves a truncated file that would be skipped.
      const temp = `${target}.${process.pid}.tmp`
      let pipeline = sharp(card.data, { raw: { width: card.width, height: card.height, channels: 3 } })
      if (r.width !== card.width) pipeline = pipeline.resize({ width: r.width, height: r.height, kernel: "lanczos3" })
      await pipeline.webp(WEBP_OPTIONS).toFile(temp)
      await fs.rename(temp, target)
    }),
  )
  return results
}
