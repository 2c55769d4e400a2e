import { describe, expect, it } from "vitest"
import { BETTER, buildComparison, compareValues, convertUnit, numericValue, type CompareSpec } from "../../storefront/app/lib/compare"

const spec = (key: string, value: CompareSpec["value"], unit: string | null = null): CompareSpec => ({
  key,
  label_zh: key,
  label_en: key,
  unit,
  value,
})

describe("convertUnit", () => {
  it("converts within a dimension", () => {
    expect(convertUnit(25, "cm", "mm")).toBe(250)
    expect(convertUnit(1.2, "m", "cm")).toBe(120)
    expect(convertUnit(1500, "g", "kg")).toBe(1.5)
    expect(convertUnit(2, "TB", "GB")).toBe(2048)
    expect(convertUnit(512, "GB", "TB")).toBe(0.5)
    expect(convertUnit(3, "年", "月")).toBe(36)
    expect(convertUnit(18, "月", "年")).toBe(1.5)
    expect(convertUnit(2, "天", "小时")).toBe(48)
    expect(convertUnit(0.1 * 3, "kg", "kg")).toBeCloseTo(0.3)
  })

  it("keeps the number when the units are the same or both absent", () => {
    expect(convertUnit(7, null, null)).toBe(7)
    expect(convertUnit(7, "页/分钟", "页/分钟")).toBe(7)
  })

  it("refuses units of different quantities or unknown units", () => {
    expect(convertUnit(1, "kg", "mm")).toBeNull()
    expect(convertUnit(1, "W", "kg")).toBeNull()
    expect(convertUnit(1, "英寸", "mm")).toBeNull()
    expect(convertUnit(1, null, "mm")).toBeNull()
  })
})

describe("numericValue", () => {
  it("reads numbers, numeric strings and numbers with a known unit", () => {
    expect(numericValue(24, "月")).toEqual({ value: 24, unit: "月" })
    expect(numericValue("24", "月")).toEqual({ value: 24, unit: "月" })
    expect(numericValue("2年", "月")).toEqual({ value: 2, unit: "年" })
    expect(numericValue("1.5 TB", null)).toEqual({ value: 1.5, unit: "TB" })
  })

  it("leaves words, dimensions and booleans alone", () => {
    expect(numericValue("340×330×190", "mm")).toBeNull()
    expect(numericValue("ABS塑料", null)).toBeNull()
    expect(numericValue("12 件", null)).toBeNull()
    expect(numericValue(true, null)).toBeNull()
    expect(numericValue(Number.NaN, null)).toBeNull()
  })
})

describe("compareValues", () => {
  it("converts to the most common unit, flags a difference and marks the best", () => {
    const row = compareValues("warranty_months", [
      { value: 12, unit: "月" },
      { value: 2, unit: "年" },
      { value: 36, unit: "月" },
    ])!
    expect(row.unit).toBe("月")
    expect(row.cells.map((c) => c?.value)).toEqual([12, 24, 36])
    expect(row.differs).toBe(true)
    expect(row.best).toEqual([false, false, true])
  })

  it("lower is better for price and response times; ties are all best", () => {
    expect(compareValues("price", [{ value: 99, unit: null }, { value: 80, unit: null }, { value: 80, unit: null }])!.best).toEqual([false, true, true])
    expect(compareValues("after_sales_response_hours", [{ value: 1, unit: "天" }, { value: 8, unit: "小时" }])!.best).toEqual([false, true])
  })

  it("marks no best when all values are equal or the direction is not obvious", () => {
    const same = compareValues("print_speed_ppm", [{ value: 30, unit: "页/分钟" }, { value: 30, unit: "页/分钟" }])!
    expect(same.differs).toBe(false)
    expect(same.best).toEqual([false, false])
    const power = compareValues("power", [{ value: 500, unit: "W" }, { value: 0.6, unit: "kW" }])!
    expect(power.differs).toBe(true)
    expect(power.cells.map((c) => c?.value)).toEqual([500, 600])
    expect(power.best).toEqual([false, false])
  })

  it("compares text and yes/no for equality", () => {
    expect(compareValues("material", [{ value: "ABS塑料", unit: null }, { value: "ABS塑料 ", unit: null }])!.differs).toBe(false)
    expect(compareValues("xinchuang", [{ value: true, unit: null }, { value: false, unit: null }])!.differs).toBe(true)
  })

  it("gives up on missing values, unconvertible units and mixed kinds", () => {
    expect(compareValues("weight_kg", [{ value: 2, unit: "kg" }, null])).toBeNull()
    expect(compareValues("x", [{ value: 2, unit: "kg" }, { value: 2, unit: "W" }])).toBeNull()
    expect(compareValues("x", [{ value: "大", unit: "mm" }, { value: "小", unit: "cm" }])).toBeNull()
    expect(compareValues("x", [{ value: 3, unit: null }, { value: true, unit: null }])).toBeNull()
  })
})

describe("buildComparison", () => {
  it("aligns attributes by key in order of first appearance and sets the partial ones apart", () => {
    const { rows, incomparable } = buildComparison(
      [
        { specs: [spec("brand", "奔图"), spec("weight_kg", 8, "kg"), spec("print_speed_ppm", 30, "页/分钟")] },
        { specs: [spec("print_speed_ppm", 40, "页/分钟"), spec("brand", "华为"), spec("weight_kg", 9000, "g"), spec("xinchuang", true)] },
      ],
      [{ key: "price", label_zh: "价格", label_en: "Price", cells: [{ value: 1200, unit: null }, { value: 999, unit: null }] }]
    )
    expect(rows.map((r) => r.key)).toEqual(["price", "brand", "weight_kg", "print_speed_ppm"])
    expect(rows[0].best).toEqual([false, true])
    expect(rows[2].cells.map((c) => c?.value)).toEqual([8, 9])
    expect(rows[2].unit).toBe("kg")
    expect(rows[3].best).toEqual([false, true])
    expect(incomparable.map((r) => r.key)).toEqual(["xinchuang"])
    expect(incomparable[0].cells).toEqual([null, { value: true, unit: null }])
  })

  it("has one direction table covering the named attributes", () => {
    expect(BETTER).toMatchObject({
      price: "lower",
      warranty_months: "higher",
      after_sales_response_hours: "lower",
      print_speed_ppm: "higher",
      energy_saving_rate: "higher",
      memory_gb: "higher",
      storage_gb: "higher",
    })
  })
})
