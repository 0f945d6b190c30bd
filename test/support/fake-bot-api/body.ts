/**
 * Request bodies of the fake Bot API: JSON, application/x-www-form-urlencoded and
 * multipart/form-data (with file parts, as grammY uploads them), merged over the query string.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './errors.js';

/** One uploaded file part of a multipart body. */
export class UploadedFile {
  /** @param field part name; @param filename as sent; @param contentType part header; @param data the bytes */
  constructor(
    readonly field: string,
    readonly filename: string,
    readonly contentType: string,
    readonly data: Buffer,
  ) {}
}

/** Parameters of one call; `form` is true when values came as strings (query, urlencoded, multipart). */
export interface ParsedParams {
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
  form: boolean;
}

/** Reads the whole body, refusing more than `maxBytes` with 413. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new ApiError(413, 'Request Entity Too Large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a body by its content type, over the parameters of the query string. */
export function parseParams(contentType: string | undefined, body: Buffer, query: URLSearchParams): ParsedParams {
  const params: Record<string, unknown> = {};
  let form = false;
  for (const [k, v] of query) {
    params[k] = v;
    form = true;
  }
  const files = new Map<string, UploadedFile>();
  if (body.length === 0) return { params, files, form };
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest('JSON request body must be an object');
    }
    Object.assign(params, parsed);
    return { params, files, form };
  }
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
    return { params, files, form: true };
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw badRequest("can't parse multipart/form-data: no boundary");
    const parts = parseMultipart(body, b);
    Object.assign(params, parts.fields);
    return { params, files: parts.files, form: true };
  }
  throw badRequest(`unsupported Content-Type "${type}"`);
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Parses a multipart/form-data body: text parts into `fields`, parts with a filename into `files`. */
export function parseMultipart(body: Buffer, boundary: string): { fields: Record<string, string>; files: Map<string, UploadedFile> } {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  const bad = (why: string): ApiError => badRequest(`can't parse multipart/form-data: ${why}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw bad('no boundary in body');
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return { fields, files }; // "--": the end
    if (body.indexOf(CRLF, pos) !== pos) throw bad('expected CRLF after boundary');
    pos += 2;
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd < 0) throw bad('unterminated part headers');
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const dataStart = headerEnd + 4;
    const dataEnd = body.indexOf(between, dataStart);
    if (dataEnd < 0) throw bad('unterminated part');
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name === undefined) throw bad('part without a name');
    const filename = dispositionParam(disposition, 'filename');
    const data = body.subarray(dataStart, dataEnd);
    if (filename !== undefined) {
      files.set(name, new UploadedFile(name, filename, headers.get('content-type') ?? 'application/octet-stream', Buffer.from(data)));
    } else {
      fields[name] = data.toString('utf8');
    }
    pos = dataEnd + between.length;
  }
}

/** A parameter of Content-Disposition, quoted (`name="x"`) or bare (`filename=x.jpg`, as grammY sends). */
function dispositionParam(disposition: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(disposition);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '').trim();
}
