/** Why a money helper refused its input. */
export type MoneyErrorCode =
  /** An amount, quantity or ratio that is not an integer (or not a number at all). */
  | 'not_integer'
  /** An input or result beyond ±Number.MAX_SAFE_INTEGER, where integers stop being exact. */
  | 'unsafe_integer'
  /** A currency code missing from the ISO 4217 table. */
  | 'unknown_currency'
  /** Ratios for `allocate` that are empty, negative or all zero. */
  | 'invalid_ratios'
  /** A decimal string that is not a plain decimal, or has more digits than the currency allows. */
  | 'invalid_decimal';

/**
 * Thrown by the money helpers instead of returning a wrong amount. Money bugs are silent
 * when they round or wrap, so every helper fails loudly and says which rule was broken.
 */
export class MoneyError extends Error {
  /** Machine-readable reason, stable across versions. */
  readonly code: MoneyErrorCode;

  /**
   * @param code machine-readable reason
   * @param message human-readable explanation naming the offending value
   */
  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
  }
}
