/**
 * Words buyers use interchangeably. Each group expands a query word into all of its members
 * (also inside longer words: 台式电脑 → 台式计算机). Replace with the provider option
 * `synonyms`, or point SEARCH_SYNONYMS_FILE at a JSON file holding such a list of groups.
 */
export const DEFAULT_SYNONYMS: string[][] = [
  ["电脑", "计算机"],
  ["复印机", "复合机"],
  ["笔记本电脑", "笔记本计算机", "手提电脑"],
  ["投影仪", "投影机"],
  ["碎纸机", "粉碎机"],
  ["空调", "空气调节器"],
  ["文件柜", "档案柜"],
  ["会议平板", "会议一体机"],
]
