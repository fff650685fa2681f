/**
 * An incremental RFC 4180 CSV parser and a field writer. Feed it text chunks of any size (a quote,
 * a CRLF or an escaped "" may be split across chunks); it returns the records completed so far.
 * Accepts CRLF, LF or lone CR as record separators, quoted fields with embedded commas, quotes ("")
 * and line breaks, and strips a leading byte-order mark.
 */

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterCr';

export class CsvParseError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
  ) {
    super(`${problem} (line ${line})`);
    this.name = 'CsvParseError';
  }
}

export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private record: string[] = [];
  private line = 1;
  private started = false;

  /** Parses a chunk and returns the records it completed. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      switch (this.state) {
        case 'afterCr':
          this.state = 'fieldStart';
          if (ch === '\n') break;
          i--; // reprocess this character as the start of a new record
          break;
        case 'fieldStart':
          if (ch === '"') this.state = 'quoted';
          else if (ch === ',') this.endField();
          else if (ch === '\n' || ch === '\r') this.endRecord(out, ch);
          else {
            this.field += ch;
            this.state = 'unquoted';
          }
          break;
        case 'unquoted':
          if (ch === ',') this.endField();
          else if (ch === '\n' || ch === '\r') this.endRecord(out, ch);
          else if (ch === '"') throw new CsvParseError('a quote inside an unquoted field', this.line);
          else this.field += ch;
          break;
        case 'quoted':
          if (ch === '"') this.state = 'quoteInQuoted';
          else {
            if (ch === '\n') this.line++;
            this.field += ch;
          }
          break;
        case 'quoteInQuoted':
          if (ch === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else if (ch === ',') this.endField();
          else if (ch === '\n' || ch === '\r') this.endRecord(out, ch);
          else throw new CsvParseError('text after a closing quote', this.line);
          break;
      }
    }
    return out;
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): string[][] {
    if (this.state === 'quoted') throw new CsvParseError('unterminated quoted field', this.line);
    const out: string[][] = [];
    if (this.state !== 'afterCr' && (this.field !== '' || this.record.length > 0 || this.state !== 'fieldStart')) {
      this.record.push(this.field);
      out.push(this.record);
    }
    this.field = '';
    this.record = [];
    this.state = 'fieldStart';
    return out;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(out: string[][], ch: string): void {
    this.record.push(this.field);
    // A line with nothing on it (a blank line) is skipped rather than read as one empty field.
    if (!(this.record.length === 1 && this.record[0] === '')) out.push(this.record);
    this.record = [];
    this.field = '';
    this.line++;
    this.state = ch === '\r' ? 'afterCr' : 'fieldStart';
  }
}

/** Parses a whole CSV text. */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Quotes a field when it holds a comma, quote, CR or LF (or leading/trailing space). */
export function csvField(value: string): string {
  if (/[",\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
