// Custom string formats for request validation, so that a malformed identifier is refused at the
// boundary with a reason the user can act on.
import type { Ajv } from 'ajv';
import { isValidCreditCode, isValidIdCardNo, isValidIsoDate, isValidPhone } from './validators.ts';
import type { ErrorCode } from './errors.ts';

export function addSanxiangFormats(ajv: Ajv): Ajv {
  ajv.addFormat('id-card', { type: 'string', validate: isValidIdCardNo });
  ajv.addFormat('credit-code', { type: 'string', validate: isValidCreditCode });
  ajv.addFormat('phone', { type: 'string', validate: isValidPhone });
  // Replaces ajv-formats' 'date', which accepts 2026-02-30.
  ajv.addFormat('date', { type: 'string', validate: isValidIsoDate });
  return ajv;
}

/** A failed format maps to its own stable code where one exists. */
export const FORMAT_ERROR_CODES: Record<string, ErrorCode> = {
  'id-card': 'INVALID_ID_CARD',
  'credit-code': 'INVALID_CREDIT_CODE',
  phone: 'INVALID_PHONE',
  uuid: 'INVALID_ID',
};

const FORMAT_LABELS: Record<string, string> = {
  'id-card': '居民身份证号码',
  'credit-code': '统一社会信用代码',
  phone: '电话号码',
  date: '日期（YYYY-MM-DD）',
  'date-time': '时间',
  uuid: '标识符（UUID）',
  email: '电子邮箱',
  uri: '网址',
};

export interface ValidationIssue {
  field: string;
  reason: string;
}

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Turns ajv's errors into Chinese reasons naming the field. */
export function describeValidationErrors(
  errors: readonly AjvLikeError[],
  context: string,
): ValidationIssue[] {
  return errors.map((error) => {
    const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const p = error.params;
    // Fields are named from the body's root; another part of the request names itself first.
    const named = (path: string) =>
      context === 'body' ? path : path ? `${context}.${path}` : context;
    switch (error.keyword) {
      case 'required':
        return { field: named(join(base, String(p.missingProperty))), reason: '缺少必填字段' };
      case 'additionalProperties':
        return {
          field: named(join(base, String(p.additionalProperty))),
          reason: '不允许的字段',
        };
      case 'format':
        return {
          field: named(base),
          reason: `${FORMAT_LABELS[String(p.format)] ?? '格式'}不正确`,
        };
      case 'type':
        return { field: named(base), reason: `类型应为 ${typeLabel(String(p.type))}` };
      case 'minLength':
        return { field: named(base), reason: `长度不能少于 ${String(p.limit)} 个字符` };
      case 'maxLength':
        return { field: named(base), reason: `长度不能超过 ${String(p.limit)} 个字符` };
      case 'minimum':
        return { field: named(base), reason: `不能小于 ${String(p.limit)}` };
      case 'maximum':
        return { field: named(base), reason: `不能大于 ${String(p.limit)}` };
      case 'minItems':
        return { field: named(base), reason: `至少需要 ${String(p.limit)} 项` };
      case 'maxItems':
        return { field: named(base), reason: `最多允许 ${String(p.limit)} 项` };
      case 'enum':
      case 'const':
      case 'anyOf':
        return { field: named(base), reason: '取值不在允许范围内' };
      case 'pattern':
        return { field: named(base), reason: '格式不正确' };
      case 'uniqueItems':
        return { field: named(base), reason: '不能包含重复项' };
      default:
        return { field: named(base), reason: '取值不符合要求' };
    }
  });
}

function join(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}

function typeLabel(type: string): string {
  const labels: Record<string, string> = {
    string: '文本',
    integer: '整数',
    number: '数字',
    boolean: '布尔值',
    object: '对象',
    array: '数组',
    null: '空值',
  };
  return type
    .split(',')
    .map((t) => labels[t] ?? t)
    .join('或');
}
