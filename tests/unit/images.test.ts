// Product card images: sizes, format, idempotency and real Chinese glyphs. No database.

import { promises as fs, existsSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import sharp from "sharp"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { generateCatalogue } from "../../seed/src/catalogue/generate"
import { KIND_LABELS } from "../../seed/src/catalogue/vocabulary"
import {
  FONT_FAMILY,
  fontFile,
  IMAGE_WIDTHS,
  renderProductImages,
  wrapTitle,
  type ImageSize,
  type ProductImageInput,
} from "../../seed/src/images"

const catalogue = generateCatalogue()

function inputFor(index: number): ProductImageInput {
  const product = catalogue.products[index]
  const category = catalogue.categories.find((c) => c.handle === product.category_handle)
  const supplier = catalogue.suppliers.find((s) => s.code === product.supplier_code)
  if (!category || !supplier) throw new Error(`catalogue is inconsistent for ${product.handle}`)
  return {
    handle: product.handle,
    title: product.title,
    categoryName: category.name_zh,
    color: category.color,
    kindLabel: KIND_LABELS[product.kind],
    supplierName: supplier.name,
  }
}

let outDir: string

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), "gwc-images-"))
})

afterAll(async () => {
  await fs.rm(outDir, { recursive: true, force: true })
})

/**
 * Reads through a buffer: libvips caches and memory-maps images opened by path, and a
 * cached mapping of a file that is later truncated ends the process with SIGBUS.
 */
const load = async (file: string) => sharp(await fs.readFile(file))

const mtimes = async (files: string[]): Promise<number[]> =>
  Promise.all(files.map(async (f) => (await fs.stat(f)).mtimeMs))

describe("renderProductImages", () => {
  it("writes square WebP files at 240, 800 and 1600 px", async () => {
    const input = inputFor(0)
    const results = await renderProductImages(input, outDir)
    expect(results.map((r) => r.size).sort()).toEqual(["large", "medium", "thumb"])
    for (const r of results) {
      expect(r.fileName).toBe(`${input.handle}-${r.size}.webp`)
      expect(r.width).toBe(IMAGE_WIDTHS[r.size])
      expect(r.height).toBe(IMAGE_WIDTHS[r.size])
      const file = path.join(outDir, r.fileName)
      const meta = await (await load(file)).metadata()
      expect(meta.format).toBe("webp")
      expect(meta.width).toBe(IMAGE_WIDTHS[r.size])
      expect(meta.height).toBe(IMAGE_WIDTHS[r.size])
      expect((await fs.stat(file)).size).toBeGreaterThan(1000)
    }
  })

  it("does not rewrite existing files on a second call", async () => {
    const input = inputFor(0)
    const files = (Object.keys(IMAGE_WIDTHS) as ImageSize[]).map((s) => path.join(outDir, `${input.handle}-${s}.webp`))
    const before = await mtimes(files)
    await new Promise((resolve) => setTimeout(resolve, 30))
    const results = await renderProductImages(input, outDir)
    expect(results).toHaveLength(3)
    expect(await mtimes(files)).toEqual(before)
  })

  it("re-renders only missing or empty files", async () => {
    const input = inputFor(0)
    const file = (size: ImageSize) => path.join(outDir, `${input.handle}-${size}.webp`)
    const largeBefore = (await fs.stat(file("large"))).mtimeMs
    await fs.rm(file("medium"))
    await fs.rm(file("thumb"))
    await fs.writeFile(file("thumb"), "")
    await new Promise((resolve) => setTimeout(resolve, 30))
    await renderProductImages(input, outDir)
    expect((await fs.stat(file("large"))).mtimeMs).toBe(largeBefore)
    expect((await (await load(file("medium"))).metadata()).width).toBe(800)
    expect((await (await load(file("thumb"))).metadata()).width).toBe(240)
    const leftovers = (await fs.readdir(outDir)).filter((f) => f.endsWith(".tmp"))
    expect(leftovers).toEqual([])
  })

  it("renders cards of every kind, with the category colour in the background", async () => {
    const kinds = ["goods", "rental", "service", "specialty"] as const
    for (const kind of kinds) {
      const index = catalogue.products.findIndex((p) => p.kind === kind)
      const input = inputFor(index)
      await renderProductImages(input, outDir)
      const thumb = path.join(outDir, `${input.handle}-thumb.webp`)
      expect(existsSync(thumb)).toBe(true)
      // The top-left corner is gradient background, so it should lean towards the category hue.
      const { data } = await (await load(thumb)).extract({ left: 4, top: 60, width: 8, height: 8 }).raw().toBuffer({ resolveWithObject: true })
      const [r, g, b] = [data[0], data[1], data[2]]
      const target = [1, 3, 5].map((i) => parseInt(input.color.slice(i, i + 2), 16))
      const dominant = target.indexOf(Math.max(...target))
      expect([r, g, b].indexOf(Math.max(r, g, b))).toBe(dominant)
    }
  })

  it("rejects handles that are not safe file names", async () => {
    await expect(renderProductImages({ ...inputFor(0), handle: "../escape" }, outDir)).rejects.toThrow()
  })
})

describe("Chinese text", () => {
  it("uses the bundled Noto Sans Hans fonts", () => {
    for (const weight of ["Regular", "Medium", "Bold"] as const) expect(existsSync(fontFile(weight))).toBe(true)
  })

  it("draws distinct glyphs for different characters (no tofu boxes)", async () => {
    const render = (text: string) =>
      sharp({ text: { text, font: `${FONT_FAMILY} Bold 64`, fontfile: fontFile("Bold"), dpi: 72 } })
        .raw()
        .toBuffer({ resolveWithObject: true })
    const a = await render("公物仓")
    const b = await render("办公桌")
    // Missing glyphs would all render as the same .notdef box, giving identical bitmaps.
    expect(a.info.width).toBeGreaterThan(150)
    expect(a.info.height).toBeGreaterThan(50)
    expect(a.data.equals(b.data)).toBe(false)
  })

  it("wraps titles at natural break points", () => {
    expect(wrapTitle("武汉市民中心中型会议室（48人）", 12)).toEqual(["武汉市民中心中型会议室", "（48人）"])
    expect(wrapTitle("美的壁挂式变频空调 MD-5728 2匹", 11)).toEqual(["美的壁挂式变频空调", "MD-5728 2匹"])
    expect(wrapTitle("鹏城绿能能源审计服务·园区", 11)).toEqual(["鹏城绿能能源审计服务", "园区"])
    expect(wrapTitle("鹏城绿能能源审计服务·园区", 14)).toEqual(["鹏城绿能能源审计服务·园区"])
    expect(wrapTitle("短标题", 11)).toEqual(["短标题"])
    // A segment longer than a line still breaks, never overflows.
    const lines = wrapTitle("非常非常非常非常长的没有任何空格的中文标题", 8)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(8)
  })
})
