/**
 * The building blocks of the saved-state text. Every value is a base-36 digit string, so the text is
 * plain printable ASCII except the learner's own words, which travel as they are (a Lithuanian "ž" is one
 * character, as SCORM counts them). Free text is length-prefixed, not delimited: nothing needs escaping,
 * so a text never grows, and the worst case is exact.
 */

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
/** Ends a variable-length number. */
export const END = ".";

export class StateTextWriter {
  private parts: string[] = [];

  /** One digit, 0–35: a position in a short list. */
  digit(value: number): this {
    this.parts.push(DIGITS[Math.max(0, Math.min(35, value))]!);
    return this;
  }

  /** A non-negative integer of any size, then END. */
  int(value: number | undefined): this {
    this.parts.push(value === undefined ? "" : Math.max(0, Math.floor(value)).toString(36), END);
    return this;
  }

  /** Flags, five to a digit. */
  bits(flags: readonly boolean[]): this {
    for (let i = 0; i < flags.length; i += 5) {
      let v = 0;
      for (let b = 0; b < 5 && i + b < flags.length; b++) if (flags[i + b]) v |= 1 << b;
      this.digit(v);
    }
    return this;
  }

  /** Free text: its length, ":", the text itself. */
  text(value: string): this {
    this.parts.push(value.length.toString(36), ":", value);
    return this;
  }

  raw(value: string): this {
    this.parts.push(value);
    return this;
  }

  toString(): string {
    return this.parts.join("");
  }
}

export class StateFormatError extends Error {}

export class StateTextReader {
  private at = 0;
  constructor(private readonly source: string) {}

  get done(): boolean {
    return this.at >= this.source.length;
  }

  peek(): string {
    return this.source[this.at] ?? "";
  }

  raw(length: number): string {
    if (this.at + length > this.source.length) throw new StateFormatError(`the saved state ends early at ${this.at}`);
    const out = this.source.slice(this.at, this.at + length);
    this.at += length;
    return out;
  }

  digit(): number {
    const value = DIGITS.indexOf(this.raw(1));
    if (value < 0) throw new StateFormatError(`a digit was expected at ${this.at - 1}`);
    return value;
  }

  /** An integer, or undefined when it was written empty. */
  optionalInt(): number | undefined {
    const end = this.source.indexOf(END, this.at);
    if (end < 0) throw new StateFormatError(`a number was expected at ${this.at}`);
    const digits = this.source.slice(this.at, end);
    this.at = end + 1;
    if (digits === "") return undefined;
    if (!/^[0-9a-z]+$/.test(digits)) throw new StateFormatError(`"${digits}" is not a number`);
    return parseInt(digits, 36);
  }

  int(): number {
    return this.optionalInt() ?? 0;
  }

  bits(count: number): boolean[] {
    const out: boolean[] = [];
    for (let i = 0; i < count; i += 5) {
      const v = this.digit();
      for (let b = 0; b < 5 && i + b < count; b++) out.push((v & (1 << b)) !== 0);
    }
    return out;
  }

  text(): string {
    const colon = this.source.indexOf(":", this.at);
    if (colon < 0) throw new StateFormatError(`a text was expected at ${this.at}`);
    const length = parseInt(this.source.slice(this.at, colon) || "x", 36);
    if (!Number.isFinite(length)) throw new StateFormatError(`a text length was expected at ${this.at}`);
    this.at = colon + 1;
    return this.raw(length);
  }
}

/** Characters a number takes with its END mark. */
export const intWidth = (value: number) => Math.max(0, Math.floor(value)).toString(36).length + 1;
/** Characters a text of this length takes with its prefix. */
export const textWidth = (length: number) => length.toString(36).length + 1 + length;
export const bitsWidth = (count: number) => Math.ceil(count / 5);
