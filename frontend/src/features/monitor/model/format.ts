/** Numbers as the UI's language writes them (`12,345`). */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'zh-hans' ? 'zh-CN' : 'en-GB').format(value)
}

/** Spark's type as a short word: `integer`, `string`, `array<string>`, `struct`. */
export function typeName(type: unknown): string {
  if (typeof type === 'string') return type
  if (type && typeof type === 'object') {
    const record = type as Record<string, unknown>
    if (record.type === 'array') return `array<${typeName(record.elementType)}>`
    if (record.type === 'map') return `map<${typeName(record.keyType)}, ${typeName(record.valueType)}>`
    if (typeof record.type === 'string') return record.type
  }
  return '?'
}
