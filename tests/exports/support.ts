/**
 * Helpers for the export tests: a draft-07 validator (ajv) over the schemas the build wrote, so
 * the generated JSON Schema itself is exercised and not only the zod schema it came from.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

export function compileSchema(schema: object): ValidateFunction {
  // strict: false because zod emits `propertyNames`/empty `additionalProperties` forms that ajv's strict mode flags as style.
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(schema);
}

/** The JSON Pointer an ajv error is about, pointing at a missing property itself when one is missing. */
export function errorPath(e: ErrorObject): string {
  const missing = (e.params as { missingProperty?: string }).missingProperty;
  return missing ? `${e.instancePath}/${missing}` : e.instancePath;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}
