/**
 * `JSON.stringify(value, null, 2)` in pieces, byte for byte the same text: the outer levels
 * (`depth` of them: objects key by key, arrays item by item) are written here, everything deeper
 * by JSON.stringify. A report of 20,000 Leistungen (5 MB of JSON) is then written without ever
 * being one string (and its UTF-8 copy) in memory.
 */
export function* jsonPieces(value: unknown, depth = 2, indent = ''): Generator<string> {
  if (depth > 0 && value !== null && typeof value === 'object' && typeof (value as Jsonable).toJSON !== 'function') {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        yield '[]';
        return;
      }
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield `${i ? ',' : ''}\n${inner}`;
        // As JSON.stringify: what has no JSON form is null in an array.
        if (omitted(value[i])) yield 'null';
        else yield* jsonPieces(value[i], depth - 1, inner);
      }
      yield `\n${indent}]`;
      return;
    }
    const record = value as Record<string, unknown>;
    // As JSON.stringify: what has no JSON form is left out of an object.
    const keys = Object.keys(record).filter((k) => !omitted(record[k]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    for (let i = 0; i < keys.length; i++) {
      yield `${i ? ',' : ''}\n${inner}${JSON.stringify(keys[i])}: `;
      yield* jsonPieces(record[keys[i]], depth - 1, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  // A JSON text holds no raw line break inside its strings: every one is a line of the layout.
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

interface Jsonable {
  toJSON?: unknown;
}

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** The pieces joined into chunks of at least `size` characters (fewer, larger writes). */
export function* chunked(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const p of pieces) {
    parts.push(p);
    length += p.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}
