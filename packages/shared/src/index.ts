export * from './activities/recurrence.js';
export * from './metadata/index.js';
export * from './persian/index.js';
export * from './i18n/validation-messages.js';
export * from './i18n/zod-issues.js';
export * from './saved-lists/saved-list.js';
