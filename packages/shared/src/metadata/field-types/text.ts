import { textLikeType } from './field-type.js';
import { safeString } from './safe-string.js';

export const textField = textLikeType((field) => safeString(field.maxLength ?? 255));
export const longTextField = textLikeType((field) => safeString(field.maxLength ?? 65_535));
