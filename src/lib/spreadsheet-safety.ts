// Spreadsheet (CSV/XLSX) formula injection guard (OWASP "CSV Injection"): a text cell that starts
// with = + - @ or a tab/carriage return is prefixed with a single quote so Excel/LibreOffice show it
// as text instead of evaluating it. Numbers, booleans and dates are left as they are.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
