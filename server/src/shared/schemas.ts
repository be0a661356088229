// Shared schema building blocks. Every request object is closed (unknown fields are refused, not
// silently dropped) so that a typo in a field name is an error the caller sees.
import { Type, type TObject, type TProperties, type TSchema } from 'typebox';
import { ERROR_CODES, type ErrorCode } from './errors.ts';

export function StrictObject<T extends TProperties>(
  properties: T,
  options: object = {},
): TObject<T> {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const IdCardNo = Type.String({
  format: 'id-card',
  description: '居民身份证号码 (GB 11643)',
});
export const CreditCode = Type.String({
  format: 'credit-code',
  description: '统一社会信用代码 (GB 32100)',
});
export const Phone = Type.String({ format: 'phone', description: '电话号码' });
export const Name = Type.String({ minLength: 1, maxLength: 100 });
export const Text = Type.String({ maxLength: 4000 });

export const IdParams = StrictObject({ id: Uuid });

export const ErrorResponse = Type.Object(
  {
    code: Type.Enum(Object.keys(ERROR_CODES) as ErrorCode[]),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'ErrorResponse', description: '拒绝请求时的统一错误格式' },
);

export const OkResponse = Type.Object({ ok: Type.Literal(true) });

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ total: Type.Integer(), items: Type.Array(item) });
}
