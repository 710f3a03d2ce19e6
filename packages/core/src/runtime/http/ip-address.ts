import { isIP } from 'node:net';

/** An IP address as its bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

/**
 * Parses an IP address literal into bytes. Accepts URL host forms (`[::1]`) and drops an IPv6
 * zone (`fe80::1%eth0`). Returns undefined for anything that is not an address (a hostname).
 *
 * Only canonical dotted-quad IPv4 is accepted here; WHATWG URL parsing has already turned
 * shorthand forms such as `http://2130706433/` or `http://0x7f.1/` into `127.0.0.1`.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = unbracketed.split('%')[0] ?? '';
  const version = isIP(address);
  if (version === 4) {
    const bytes = parseIpv4(address);
    return bytes === undefined ? undefined : { version: 4, bytes };
  }
  if (version === 6) {
    const bytes = parseIpv6(address);
    return bytes === undefined ? undefined : { version: 6, bytes };
  }
  return undefined;
}

/** Formats 4 bytes as a dotted quad. */
export function formatIpv4(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4)).join('.');
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (const [index, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes[index] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  let groupsText = text;
  let embeddedIpv4: Uint8Array | undefined;
  // A trailing dotted quad (`::ffff:127.0.0.1`) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    embeddedIpv4 = parseIpv4(tail);
    if (embeddedIpv4 === undefined) return undefined;
    groupsText = text.slice(0, lastColon + 1);
    if (!groupsText.endsWith('::')) groupsText = groupsText.slice(0, -1);
  }
  const groupCount = embeddedIpv4 === undefined ? 8 : 6;
  const halves = groupsText.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (half: string | undefined) =>
    half === undefined || half === '' ? [] : half.split(':');
  const left = parseGroups(halves[0]);
  const right = parseGroups(halves[1]);
  const missing = groupCount - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  for (const [index, group] of groups.entries()) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    const value = Number.parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  }
  if (embeddedIpv4 !== undefined) bytes.set(embeddedIpv4, 12);
  return bytes;
}
