export * from './types.js';
export * from './filter.js';
export * from './system-fields.js';
export * from './record-schema.js';
export * from './record-output-schema.js';
export { fieldTypes, parseLooseNumber, recordIdSchema, safeString } from './field-types/index.js';
export type { FieldTypeSpec, ScalarKind, StorageShape, StoredPhone } from './field-types/index.js';
export { modules, moduleByName, getModule } from './modules/index.js';
export { emailAddressSchema } from './field-types/email.js';
