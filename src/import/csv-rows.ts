import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** One data row of an import file: its line in the file (header = line 1) and its values by column. */
export type CsvRow = { line: number; values: Record<string, string> };

/** What a streamed file yields, in file order: a row, or a problem (`line N: field: reason`). */
export type CsvItem = { row: CsvRow } | { error: string; fatal?: true };

type InfoRecord = { record: string[]; info: { lines: number; empty_lines: number; comment_lines: number } };

/**
 * The delimiter the header line uses: a comma, or the semicolon (or tab) that spreadsheet programs
 * in an Indonesian locale write, where the comma is the decimal separator. The header holds only
 * column names, so the separator it shows most is the file's.
 */
export function detectDelimiter(csvText: string): string {
  const firstLine =
    csvText
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => firstLine.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
}

/**
 * Streams the rows of CSV text (given in chunks; header row; comma, semicolon or tab separated, as
 * the header shows), keyed by the expected column names, holding one record at a time.
 * The header must name every one of `columns` (any order, any case) and may name any of
 * `optional` (an absent optional column reads as empty cells); every row must have as many
 * fields as the header. Blank lines and rows of empty fields are skipped. Values are trimmed.
 * A problem with the header or the file's shape is `fatal` and ends the stream.
 */
export async function* streamCsvRows(chunks: AsyncIterable<string>, columns: readonly string[], optional: readonly string[] = []): AsyncGenerator<CsvItem> {
  const it = chunks[Symbol.asyncIterator]();
  const first = await it.next();
  const head0 = first.done ? '' : first.value;
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(head0),
    info: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  async function* rest(): AsyncGenerator<string> {
    if (head0) yield head0;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  Readable.from(rest(), { objectMode: false })
    .on('error', (e) => parser.destroy(e))
    .pipe(parser);

  let header: string[] | null = null;
  let prev: InfoRecord['info'] | null = null;
  let headerLine = 1;
  let body = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<InfoRecord>) {
      if (!header) {
        header = record.map((h) => h.toLowerCase());
        headerLine = info.lines;
        const errors: string[] = [];
        for (const c of columns) if (!header.includes(c)) errors.push(`line ${headerLine}: header: missing column ${c}`);
        header.forEach((h, i) => {
          if (!columns.includes(h) && !optional.includes(h)) errors.push(`line ${headerLine}: header: unknown column ${h || `#${i + 1} (empty)`}`);
          else if (header!.indexOf(h) !== i) errors.push(`line ${headerLine}: header: column ${h} appears twice`);
        });
        if (errors.length) {
          for (const error of errors) yield { error, fatal: true };
          return;
        }
        prev = info;
        continue;
      }
      body = true;
      // info.lines is where the record ends; it starts after the previous one and any skipped lines.
      const line = prev!.lines + 1 + (info.empty_lines - prev!.empty_lines) + (info.comment_lines - prev!.comment_lines);
      prev = info;
      if (record.every((v) => v === '')) continue;
      if (record.length !== header.length) {
        yield { error: `line ${line}: row: has ${record.length} fields, expected ${header.length}` };
        continue;
      }
      const values: Record<string, string> = {};
      for (const c of optional) values[c] = '';
      header.forEach((h, i) => {
        values[h] = record[i] ?? '';
      });
      yield { row: { line, values } };
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith?.('CSV_')) {
      const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
      yield { error: `line ${line}: csv: ${(e as Error).message}`, fatal: true };
      return;
    }
    throw e;
  } finally {
    parser.destroy();
  }
  if (!header) yield { error: 'line 1: header: the file is empty', fatal: true };
  else if (!body) yield { error: `line ${headerLine + 1}: file: no data rows after the header`, fatal: true };
}
