/**
 * Request size estimates. Excel on the web refuses a request over 5 MB
 * (RequestPayloadSizeLimitExceeded), so every write is cut into batches whose estimated size
 * stays under a budget with a safety margin.
 */

/**
 * What one batch may carry by estimate: Microsoft's documented 5 MB limit per request in
 * Excel on the web, less about a quarter of margin.
 */
export const DEFAULT_BATCH_BUDGET_BYTES = 4_000_000;

/**
 * Estimated bytes per queued command or navigation step in the RichApi message (ids, action
 * type, property name, parent path): an action is about 90–100 bytes, an object path 60–70.
 * 150 leaves half again as much as margin; the batch budget adds another quarter.
 */
export const COMMAND_BYTES = 150;

/** UTF-8 length of a string without allocating (umlauts count 2, astral characters 4). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Serialized size of an argument as it goes over the wire (JSON). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** Estimate for `commands` commands plus their arguments. */
export function commandsBytes(commands: number, args: unknown[] = []): number {
  return commands * COMMAND_BYTES + args.reduce<number>((n, a) => n + jsonBytes(a), 0);
}
