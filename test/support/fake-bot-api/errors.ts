/** An error answer of the fake Bot API: HTTP status = error_code, plus Telegram's description. */
export class ApiError extends Error {
  /** @param status error_code and HTTP status; @param description Telegram-style text. */
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
    this.name = 'ApiError';
  }

  /** The JSON body Telegram answers with. */
  toJSON(): { ok: false; error_code: number; description: string; parameters?: { retry_after: number } } {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.retryAfter !== undefined ? { parameters: { retry_after: this.retryAfter } } : {}),
    };
  }
}

/** A 400 "Bad Request: <what>". */
export function badRequest(what: string): ApiError {
  return new ApiError(400, `Bad Request: ${what}`);
}
