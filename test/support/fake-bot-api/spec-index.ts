/**
 * Loads the Bot API spec (test/fixtures/telegram-bot-api-10.1.json) once and indexes it for fast
 * per-request validation: methods by lower-case name, fields by name, type strings pre-parsed.
 */
import { readFileSync } from 'node:fs';

/** A parsed spec type string ("Integer", "Array of Array of InlineKeyboardButton", ...). */
export type SpecType =
  | { kind: 'scalar'; name: 'Integer' | 'String' | 'Boolean' | 'Float' | 'True' }
  | { kind: 'file' }
  | { kind: 'array'; of: SpecType }
  | { kind: 'object'; name: string };

/** One field of a method or an object type. */
export interface SpecField {
  name: string;
  types: SpecType[];
  required: boolean;
  description: string;
  /** Length limit from the description ("1-4096 characters", "1-64 bytes"). */
  limit?: FieldLimit;
}

/** A length limit; `afterEntities` means it counts the text after parse_mode is applied. */
export interface FieldLimit {
  min: number;
  max: number;
  unit: 'characters' | 'bytes';
  afterEntities: boolean;
}

/** An object type: its fields, or its subtypes (a union) with an optional `type` discriminator. */
export interface SpecObjectType {
  name: string;
  fields: Map<string, SpecField>;
  required: string[];
  /** Parsed subtypes when the type is a union. */
  subtypes?: SpecType[];
  /** discriminator value (the `type` field's "must be X") -> subtype name. */
  byDiscriminator?: Map<string, string>;
  /** true when the spec gives neither fields nor subtypes (accept any object). */
  opaque: boolean;
}

/** A method: canonical name, fields, required field names. */
export interface SpecMethod {
  name: string;
  fields: Map<string, SpecField>;
  required: string[];
  returns: string[];
}

/** The whole index. */
export interface SpecIndex {
  version: string;
  /** lower-case method name -> method (Bot API method names are case-insensitive). */
  methods: Map<string, SpecMethod>;
  types: Map<string, SpecObjectType>;
}

interface RawField {
  name: string;
  types: string[];
  required: boolean;
  description?: string;
}
interface RawEntry {
  name: string;
  fields?: RawField[];
  subtypes?: string[];
  returns?: string[];
}
interface RawSpec {
  version: string;
  methods: Record<string, RawEntry>;
  types: Record<string, RawEntry>;
}

/** Parses one type string of the spec. */
export function parseSpecType(s: string): SpecType {
  if (s.startsWith('Array of ')) return { kind: 'array', of: parseSpecType(s.slice(9)) };
  if (s === 'Integer' || s === 'String' || s === 'Boolean' || s === 'Float' || s === 'True') {
    return { kind: 'scalar', name: s };
  }
  if (s === 'InputFile') return { kind: 'file' };
  return { kind: 'object', name: s };
}

function indexFields(raw: RawField[] | undefined): { fields: Map<string, SpecField>; required: string[] } {
  const fields = new Map<string, SpecField>();
  const required: string[] = [];
  for (const f of raw ?? []) {
    const description = f.description ?? '';
    const lim = /(\d+)-(\d+) (characters|bytes)/.exec(description);
    fields.set(f.name, {
      name: f.name,
      types: f.types.map(parseSpecType),
      required: f.required,
      description,
      ...(lim && f.types.length === 1 && f.types[0] === 'String'
        ? {
            limit: {
              min: Number(lim[1]),
              max: Number(lim[2]),
              unit: lim[3] as FieldLimit['unit'],
              afterEntities: description.includes('after entities parsing'),
            },
          }
        : {}),
    });
    if (f.required) required.push(f.name);
  }
  return { fields, required };
}

/** The discriminator a subtype declares: `type` "must be X" or `always "X"`. */
function discriminatorOf(entry: RawEntry | undefined): string | undefined {
  const d = entry?.fields?.find((f) => f.name === 'type')?.description ?? '';
  const m = /must be (?:“|")?([a-z_]+)/.exec(d) ?? /always (?:“|")([a-z_]+)/.exec(d);
  return m?.[1];
}

/** Builds the index from the parsed JSON document. */
export function buildSpecIndex(raw: RawSpec): SpecIndex {
  const methods = new Map<string, SpecMethod>();
  for (const m of Object.values(raw.methods)) {
    const { fields, required } = indexFields(m.fields);
    methods.set(m.name.toLowerCase(), { name: m.name, fields, required, returns: m.returns ?? [] });
  }
  const types = new Map<string, SpecObjectType>();
  for (const t of Object.values(raw.types)) {
    const { fields, required } = indexFields(t.fields);
    const entry: SpecObjectType = { name: t.name, fields, required, opaque: !t.fields && !t.subtypes };
    if (t.subtypes) {
      entry.subtypes = t.subtypes.map(parseSpecType);
      const byDisc = new Map<string, string>();
      for (const sub of t.subtypes) {
        const disc = discriminatorOf(raw.types[sub]);
        if (disc && !byDisc.has(disc)) byDisc.set(disc, sub);
      }
      if (byDisc.size === t.subtypes.length) entry.byDiscriminator = byDisc;
    }
    types.set(t.name, entry);
  }
  return { version: raw.version, methods, types };
}

const DEFAULT_SPEC = new URL('../../fixtures/telegram-bot-api-10.1.json', import.meta.url);
const cache = new Map<string, SpecIndex>();

/** Loads (and caches per path) the spec index; defaults to the 10.1 fixture. */
export function loadSpecIndex(path: string | URL = DEFAULT_SPEC): SpecIndex {
  const key = String(path);
  let index = cache.get(key);
  if (!index) {
    index = buildSpecIndex(JSON.parse(readFileSync(path, 'utf8')) as RawSpec);
    cache.set(key, index);
  }
  return index;
}
