// JSON text within size and depth bounds, before JSON.parse.

export type { BoundedJsonResult, JsonTextLimits } from './parse-bounded-json';
export { parseBoundedJson } from './parse-bounded-json';
export { textPositionOf } from './scan-json-syntax';
