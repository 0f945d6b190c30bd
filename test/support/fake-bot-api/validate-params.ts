/**
 * Validates one call's parameters against the spec index, the way the real Bot API refuses them:
 * missing required (400), unknown (400 when strict), wrong type (Integer, String, Boolean, Float,
 * arrays, unions like "Integer or String", InputFile or String, nested objects such as reply_markup),
 * length limits from the descriptions (text/caption counted after parse_mode, in UTF-16 units;
 * callback_data in bytes) and the prose rules of markup-rules.ts. Returns normalised parameters:
 * numbers for Integer strings, objects for JSON strings, UploadedFile for attach:// uploads.
 */
import { UploadedFile, type ParsedParams } from './body.js';
import { badRequest } from './errors.js';
import { parseFormatted } from './formatting.js';
import { LIMIT_ERRORS, MISSING_ERRORS, checkObjectRules } from './markup-rules.js';
import type { FieldLimit, SpecField, SpecIndex, SpecMethod, SpecType } from './spec-index.js';

/** A validated call: normalised parameters plus the plain text of text/caption after parse_mode. */
export interface ValidatedCall {
  params: Record<string, unknown>;
  plain: Record<string, string>;
}

/** A failed alternative: the description and how deep the value matched before failing. */
class Mismatch {
  constructor(
    readonly description: string,
    readonly depth: number,
  ) {}
}

interface Ctx {
  index: SpecIndex;
  strict: boolean;
  top: string;
}

const typeName = (t: SpecType): string =>
  t.kind === 'scalar' ? t.name : t.kind === 'file' ? 'InputFile' : t.kind === 'array' ? `Array of ${typeName(t.of)}` : t.name;

const PARSE_MODES = new Set(['html', 'markdown', 'markdownv2']);

/** Validates `input` for `method`; throws ApiError 400 on the first problem. */
export function validateCall(index: SpecIndex, method: SpecMethod, input: ParsedParams, strict: boolean): ValidatedCall {
  const { params: raw, files } = input;
  const params: Record<string, unknown> = {};
  const plain: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    const field = method.fields.get(key);
    const value = raw[key];
    if (!field) {
      if (strict) throw badRequest(`unknown parameter "${key}"`);
      continue;
    }
    if (value === null || value === undefined || (value === '' && field.required)) continue;
    params[key] = convertTop(field, value, files, { index, strict, top: key });
  }
  for (const [name, file] of files) {
    const field = method.fields.get(name);
    if (params[name] === undefined && field?.types.some((t) => t.kind === 'file')) params[name] = file;
  }
  for (const name of method.required) {
    if (params[name] === undefined) throw badRequest(MISSING_ERRORS[name] ?? `parameter "${name}" is required`);
  }
  const mode = params.parse_mode;
  if (typeof mode === 'string' && !PARSE_MODES.has(mode.toLowerCase())) throw badRequest('unsupported parse_mode');
  for (const field of method.fields.values()) {
    const limit = field.limit;
    const value = params[field.name];
    if (!limit || typeof value !== 'string') continue;
    let text = value;
    if (limit.afterEntities) {
      const parsed = parseFormatted(value, mode as string | undefined);
      if (!parsed.ok) throw badRequest(parsed.error);
      text = parsed.text;
      plain[field.name] = text;
    }
    const problem = limitProblem(text, limit, `${method.name}.${field.name}`, field.name);
    if (problem) throw badRequest(problem);
  }
  return { params, plain };
}

function limitProblem(text: string, limit: FieldLimit, owner: string, name: string): string | undefined {
  const size = limit.unit === 'bytes' ? Buffer.byteLength(text) : text.length;
  if (limit.afterEntities && name === 'text') {
    if (text.trim().length === 0) return 'message text is empty';
    if (size > limit.max) return 'message is too long';
    return undefined;
  }
  if (size >= limit.min && size <= limit.max) return undefined;
  if (limit.afterEntities && name === 'caption') return 'message caption is too long';
  return LIMIT_ERRORS[owner] ?? `parameter "${name}" must be ${limit.min}-${limit.max} ${limit.unit} long`;
}

function convertTop(field: SpecField, value: unknown, files: Map<string, UploadedFile>, ctx: Ctx): unknown {
  let best: Mismatch | undefined;
  for (const t of field.types) {
    try {
      let v = value;
      if (t.kind === 'file' && typeof v === 'string' && v.startsWith('attach://')) {
        const file = files.get(v.slice(9));
        if (!file) throw badRequest('wrong file identifier/HTTP URL specified');
        return file;
      }
      if ((t.kind === 'object' || t.kind === 'array') && typeof v === 'string') v = parseJson(v, field.name);
      return convert(t, v, field.name, 0, ctx);
    } catch (e) {
      if (!(e instanceof Mismatch)) throw e;
      if (!best || e.depth > best.depth) best = e;
    }
  }
  if (best && best.depth > 0) throw badRequest(best.description);
  if (field.name === 'reply_markup') throw badRequest("can't parse reply keyboard markup JSON object");
  throw badRequest(`parameter "${field.name}" must be of type ${field.types.map(typeName).join(' or ')}`);
}

function parseJson(s: string, name: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    throw new Mismatch(`can't parse ${name} JSON object`, 1);
  }
}

function convert(t: SpecType, v: unknown, path: string, depth: number, ctx: Ctx): unknown {
  const wrong = (): Mismatch =>
    new Mismatch(
      depth === 0 ? `parameter "${path}" must be of type ${typeName(t)}` : `can't parse ${ctx.top}: field "${path}" must be of type ${typeName(t)}`,
      depth,
    );
  switch (t.kind) {
    case 'scalar':
      return convertScalar(t.name, v, wrong);
    case 'file':
      if (v instanceof UploadedFile) return v;
      throw wrong();
    case 'array':
      if (!Array.isArray(v)) throw wrong();
      return v.map((item, i) => convert(t.of, item, `${path}[${i}]`, depth + 1, ctx));
    case 'object':
      return convertObject(t.name, v, path, depth, ctx, wrong);
  }
}

function convertScalar(name: string, v: unknown, wrong: () => Mismatch): unknown {
  switch (name) {
    case 'String':
      if (typeof v === 'string') return v;
      throw wrong();
    case 'Integer':
      if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
      if (typeof v === 'string' && /^-?\d{1,16}$/.test(v)) return Number(v);
      throw wrong();
    case 'Float':
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (typeof v === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v)) return Number(v);
      throw wrong();
    default: // Boolean, True
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string' && /^(true|false|1|0)$/i.test(v)) return /^(true|1)$/i.test(v);
      if (v === 0 || v === 1) return v === 1;
      throw wrong();
  }
}

function convertObject(name: string, v: unknown, path: string, depth: number, ctx: Ctx, wrong: () => Mismatch): unknown {
  const type = ctx.index.types.get(name);
  if (name === 'KeyboardButton' && typeof v === 'string') return v; // legacy form the real API accepts
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !type) throw wrong();
  if (type.opaque) return v;
  const obj = v as Record<string, unknown>;
  if (type.subtypes) {
    const chosen = type.byDiscriminator?.get(String(obj.type));
    if (type.byDiscriminator && !chosen) {
      throw new Mismatch(`can't parse ${ctx.top}: field "${path}.type" is not a valid ${name} type`, depth + 1);
    }
    const candidates = chosen ? [{ kind: 'object', name: chosen } as SpecType] : type.subtypes;
    let best: Mismatch | undefined;
    for (const sub of candidates) {
      try {
        return convert(sub, v, path, depth, ctx);
      } catch (e) {
        if (!(e instanceof Mismatch)) throw e;
        if (!best || e.depth > best.depth) best = e;
      }
    }
    throw best ?? wrong();
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    const field = type.fields.get(key);
    const fv = obj[key];
    if (!field) {
      if (ctx.strict) throw new Mismatch(`can't parse ${ctx.top}: field "${path}.${key}" is unknown in ${name}`, depth + 1);
      continue;
    }
    if (fv === null || fv === undefined) continue;
    out[key] = convertField(field, fv, `${path}.${key}`, depth + 1, ctx, name);
  }
  for (const req of type.required) {
    if (out[req] === undefined) throw new Mismatch(`can't parse ${ctx.top}: field "${path}.${req}" is required in ${name}`, depth + 1);
  }
  const rule = checkObjectRules(name, out);
  if (rule) throw new Mismatch(rule, depth + 2);
  return out;
}

function convertField(field: SpecField, v: unknown, path: string, depth: number, ctx: Ctx, owner: string): unknown {
  let best: Mismatch | undefined;
  for (const t of field.types) {
    try {
      const out = convert(t, v, path, depth, ctx);
      if (field.limit && typeof out === 'string') {
        const problem = limitProblem(out, { ...field.limit, afterEntities: false }, `${owner}.${field.name}`, field.name);
        if (problem) throw new Mismatch(problem, depth + 1);
      }
      return out;
    } catch (e) {
      if (!(e instanceof Mismatch)) throw e;
      if (!best || e.depth > best.depth) best = e;
    }
  }
  throw best!;
}
