/**
 * Money is whole Rupiah (product.md "Data that matters"): "Rp25.000", dot as thousands separator,
 * no decimals. Universal: runs on the server and in the browser.
 */

/** Largest amount parseRupiah accepts (Rp1.000.000.000): beyond any household aid, so likely a typo. */
export const MAX_RUPIAH_INPUT = 1_000_000_000;

/** 25000 → "Rp25.000", -25000 → "-Rp25.000". Fractions are rounded to whole Rupiah (half away from zero). */
export function formatRupiah(amount: number): string {
  const whole = Math.round(Math.abs(amount));
  if (!Number.isSafeInteger(whole)) throw new RangeError(`Expected a finite, safe amount, got ${amount}`);
  const sign = amount < 0 && whole !== 0 ? "-" : "";
  return `${sign}Rp${groupThousands(String(whole))}`;
}

/**
 * Reads an amount typed by a user: "25000", "25.000", "Rp 25.000", "rp. 25.000", "Rp25.000,-",
 * "Rp25.000,00". Returns null for anything else: decimals other than ",00" ("25.000,50"), negatives,
 * letters, misplaced dots ("2.50", "25.00"), English commas ("25,000"), empty input, or amounts
 * above MAX_RUPIAH_INPUT.
 */
export function parseRupiah(input: string): number | null {
  const match = /^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?$/i.exec(input.trim());
  if (!match?.[1]) return null;
  const amount = Number(match[1].replaceAll(".", ""));
  return Number.isSafeInteger(amount) && amount <= MAX_RUPIAH_INPUT ? amount : null;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
