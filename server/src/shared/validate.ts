// Validation of schemas outside a route (a case action's input chosen at run time), with the
// same formats, strictness and Chinese reasons as the routes' own validation.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { TSchema } from 'typebox';
import { AppError, ERROR_CODES } from './errors.ts';
import { addSanxiangFormats, describeValidationErrors } from './formats.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport })
  .default ?? addFormatsImport) as unknown as (ajv: Ajv) => Ajv;

const ajv = addSanxiangFormats(addFormats(new Ajv({ allErrors: true, removeAdditional: false })));
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Throws VALIDATION_FAILED naming each field and reason, or returns the value typed. */
export function validateInput<T>(schema: TSchema, value: unknown, context = 'body'): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return value as T;
  const details = describeValidationErrors(validate.errors ?? [], context);
  throw new AppError('VALIDATION_FAILED', {
    message: `${ERROR_CODES.VALIDATION_FAILED.message}：${details.map((d) => `${d.field}：${d.reason}`).join('；')}`,
    details,
  });
}
