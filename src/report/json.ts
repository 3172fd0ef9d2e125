import type { Formatter } from './types.js';

/** `discrepancies.json`: the Report contract, 2-space indented, keys in schema order, trailing newline. */
export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
