// The JSON Schema subset the server's action inputs use (TypeBox output), and the conversions
// between form values and request bodies. Validation here mirrors the server's (required,
// lengths, ranges, patterns, item counts); the server still decides and its refusal is shown.
import dayjs, { type Dayjs } from 'dayjs';

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  default?: unknown;
  /** Chinese labels of enum values, when the server provides them. */
  'x-enumLabels'?: Record<string, string>;
}

export function asSchema(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null ? value : {};
}

/** `anyOf: [X, null]` is X, nullable. */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const rest = variants.filter((v) => v.type !== 'null');
    if (rest.length === 1 && rest[0]) {
      return { schema: { ...rest[0], title: schema.title ?? rest[0].title }, nullable: true };
    }
  }
  return { schema, nullable: false };
}

export type FieldKind =
  | 'string'
  | 'text'
  | 'date'
  | 'datetime'
  | 'time'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'enumList'
  | 'stringList'
  | 'object'
  | 'objectList'
  | 'unknown';

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

export function fieldKind(schema: JsonSchema): FieldKind {
  if (schema.enum) return 'enum';
  const type = typeOf(schema);
  if (type === 'string') {
    if (schema.format === 'date') return 'date';
    if (schema.format === 'date-time') return 'datetime';
    if (schema.format === 'time') return 'time';
    return (schema.maxLength ?? 0) > 200 ? 'text' : 'string';
  }
  if (type === 'number') return 'number';
  if (type === 'integer') return 'integer';
  if (type === 'boolean') return 'boolean';
  if (type === 'object' || schema.properties) return 'object';
  if (type === 'array') {
    const items = unwrapNullable(asSchema(schema.items)).schema;
    if (items.enum) return 'enumList';
    const itemType = typeOf(items);
    if (itemType === 'object' || items.properties) return 'objectList';
    return 'stringList';
  }
  return 'unknown';
}

/** Form value (antd controls) → request value, or undefined to leave the field out. */
export function toRequestValue(schema: JsonSchema, value: unknown): unknown {
  const { schema: inner, nullable } = unwrapNullable(schema);
  const empty = value === undefined || value === null || value === '';
  if (empty) return nullable ? null : undefined;
  switch (fieldKind(inner)) {
    case 'date':
      return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
    case 'datetime':
      return dayjs.isDayjs(value) ? value.toISOString() : value;
    case 'time':
      return dayjs.isDayjs(value) ? value.format('HH:mm') : value;
    case 'string':
    case 'text':
      return typeof value === 'string' ? value.trim() || (nullable ? null : undefined) : value;
    case 'object':
      return toRequestObject(inner, value);
    case 'objectList': {
      const items = asSchema(inner.items);
      return Array.isArray(value) ? value.map((item) => toRequestObject(items, item)) : value;
    }
    case 'boolean':
    case 'enum':
    case 'enumList':
    case 'integer':
    case 'number':
    case 'stringList':
    case 'unknown':
      return value;
  }
}

export function toRequestObject(schema: JsonSchema, value: unknown): Record<string, unknown> {
  const source =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const converted = toRequestValue(property, source[key]);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

/** Initial form values: today for required dates, false for required booleans. */
export function initialValues(
  schema: JsonSchema,
  today: Dayjs,
  fill: (key: string, schema: JsonSchema) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const property = unwrapNullable(raw).schema;
    const required = schema.required?.includes(key) ?? false;
    const filled = fill(key, property);
    if (filled !== undefined) {
      out[key] = filled;
      continue;
    }
    const kind = fieldKind(property);
    if (property.default !== undefined && kind !== 'date') out[key] = property.default;
    else if (kind === 'date' && required) out[key] = today;
    else if (kind === 'boolean' && required) out[key] = false;
    else if (kind === 'object' && required) out[key] = initialValues(property, today, fill);
  }
  return out;
}
