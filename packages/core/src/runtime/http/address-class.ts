import { formatIpv4, type IpAddress, parseIpAddress } from './ip-address';

/**
 * What kind of destination an IP address is. Only `public` addresses are reachable by default;
 * see `ALLOWABLE_ADDRESS_CLASSES` for the ones a host may allow explicitly.
 */
export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'shared-address-space'
  | 'unspecified'
  | 'cloud-metadata'
  | 'multicast'
  | 'reserved';

/** An address with its class and the range that decided it, for messages. */
export interface AddressClassification {
  address: string;
  addressClass: AddressClass;
  /** The matching range and what it is, e.g. `127.0.0.0/8 (loopback)`. */
  range: string;
}

interface Range {
  prefix: readonly number[];
  length: number;
  addressClass: AddressClass;
  label: string;
}

const range = (
  cidr: string,
  addressClass: AddressClass,
  what: string,
): Range & { cidr: string } => {
  const [text = '', length = ''] = cidr.split('/');
  const parsed = parseIpAddress(text);
  if (parsed === undefined) throw new TypeError(`not a range: ${cidr}`);
  return {
    cidr,
    prefix: Array.from(parsed.bytes),
    length: Number(length),
    addressClass,
    label: `${cidr} (${what})`,
  };
};

// Most specific first: the first match decides. Metadata endpoints are listed one by one so
// that allowing `link-local` or `shared-address-space` never opens them.
const ipv4Ranges = (): readonly Range[] => [
  range('169.254.169.254/32', 'cloud-metadata', 'instance metadata: AWS, GCP, Azure, OpenStack'),
  range('168.63.129.16/32', 'cloud-metadata', 'Azure WireServer'),
  range('100.100.100.200/32', 'cloud-metadata', 'Alibaba Cloud metadata'),
  range('0.0.0.0/8', 'unspecified', '"this network"'),
  range('10.0.0.0/8', 'private', 'RFC 1918 private'),
  range('100.64.0.0/10', 'shared-address-space', 'RFC 6598 carrier-grade NAT'),
  range('127.0.0.0/8', 'loopback', 'loopback'),
  range('169.254.0.0/16', 'link-local', 'link-local'),
  range('172.16.0.0/12', 'private', 'RFC 1918 private'),
  range('192.0.0.0/24', 'reserved', 'IETF protocol assignments'),
  range('192.0.2.0/24', 'reserved', 'documentation'),
  range('192.88.99.0/24', 'reserved', 'deprecated 6to4 relay'),
  range('192.168.0.0/16', 'private', 'RFC 1918 private'),
  range('198.18.0.0/15', 'reserved', 'benchmarking'),
  range('198.51.100.0/24', 'reserved', 'documentation'),
  range('203.0.113.0/24', 'reserved', 'documentation'),
  range('224.0.0.0/4', 'multicast', 'multicast'),
  range('240.0.0.0/4', 'reserved', 'reserved, including broadcast'),
];

// IPv6 forms that carry an IPv4 address: the IPv4 address decides, so `::ffff:127.0.0.1`,
// `64:ff9b::a00:1` and `2002:7f00:1::` are as refused as the IPv4 addresses inside them.
const ipv6EmbeddingIpv4 = (): readonly (Range & { ipv4Offset: number; form: string })[] => [
  { ...range('::ffff:0:0/96', 'public', ''), ipv4Offset: 12, form: 'IPv4-mapped' },
  { ...range('::ffff:0:0:0/96', 'public', ''), ipv4Offset: 12, form: 'IPv4-translated' },
  { ...range('64:ff9b::/96', 'public', ''), ipv4Offset: 12, form: 'NAT64' },
  { ...range('2002::/16', 'public', ''), ipv4Offset: 2, form: '6to4' },
];

const ipv6Ranges = (): readonly Range[] => [
  range('::/128', 'unspecified', 'unspecified'),
  range('::1/128', 'loopback', 'loopback'),
  range('fd00:ec2::254/128', 'cloud-metadata', 'AWS instance metadata over IPv6'),
  range('::/96', 'reserved', 'deprecated IPv4-compatible'),
  range('64:ff9b:1::/48', 'private', 'local-use NAT64'),
  range('100::/64', 'reserved', 'discard-only'),
  range('2001::/32', 'reserved', 'Teredo'),
  range('2001:2::/48', 'reserved', 'benchmarking'),
  range('2001:db8::/32', 'reserved', 'documentation'),
  range('3fff::/20', 'reserved', 'documentation'),
  range('fc00::/7', 'private', 'unique local'),
  range('fe80::/10', 'link-local', 'link-local'),
  range('fec0::/10', 'private', 'deprecated site-local'),
  range('ff00::/8', 'multicast', 'multicast'),
];

const globalUnicastIpv6 = (): Range => range('2000::/3', 'public', 'global unicast');

interface RangeTables {
  ipv4: readonly Range[];
  ipv6EmbeddingIpv4: readonly (Range & { ipv4Offset: number; form: string })[];
  ipv6: readonly Range[];
  globalUnicastIpv6: Range;
}

// Parsing the ranges calls the IP parser some forty times; it is done on the first
// classification, not when core is imported (most hosts never set a destination policy).
let rangeTables: RangeTables | undefined;

function addressRangeTables(): RangeTables {
  rangeTables ??= {
    ipv4: ipv4Ranges(),
    ipv6EmbeddingIpv4: ipv6EmbeddingIpv4(),
    ipv6: ipv6Ranges(),
    globalUnicastIpv6: globalUnicastIpv6(),
  };
  return rangeTables;
}

/**
 * Classifies an IP address literal; undefined when `text` is not an IP address. IPv6 outside
 * global unicast (`2000::/3`) is `reserved`: nothing public lives there.
 *
 * @example
 * ```ts
 * classifyAddress('::ffff:169.254.169.254');
 * // { address: '::ffff:169.254.169.254', addressClass: 'cloud-metadata',
 * //   range: 'IPv4-mapped 169.254.169.254: 169.254.169.254/32 (instance metadata: …)' }
 * ```
 */
export function classifyAddress(text: string): AddressClassification | undefined {
  const parsed = parseIpAddress(text);
  if (parsed === undefined) return undefined;
  return { address: text, ...classifyBytes(parsed) };
}

function classifyBytes(address: IpAddress): Omit<AddressClassification, 'address'> {
  const tables = addressRangeTables();
  if (address.version === 4) {
    const match = tables.ipv4.find((candidate) => matches(address.bytes, candidate));
    return match === undefined
      ? { addressClass: 'public', range: 'public IPv4' }
      : { addressClass: match.addressClass, range: match.label };
  }
  for (const embedding of tables.ipv6EmbeddingIpv4) {
    if (!matches(address.bytes, embedding)) continue;
    const ipv4 = address.bytes.slice(embedding.ipv4Offset, embedding.ipv4Offset + 4);
    const inner = classifyBytes({ version: 4, bytes: ipv4 });
    return {
      addressClass: inner.addressClass,
      range: `${embedding.form} ${formatIpv4(ipv4)}: ${inner.range}`,
    };
  }
  const match = tables.ipv6.find((candidate) => matches(address.bytes, candidate));
  if (match !== undefined) return { addressClass: match.addressClass, range: match.label };
  return matches(address.bytes, tables.globalUnicastIpv6)
    ? { addressClass: 'public', range: 'public IPv6' }
    : { addressClass: 'reserved', range: 'outside IPv6 global unicast (2000::/3)' };
}

function matches(bytes: Uint8Array, candidate: Range): boolean {
  if (bytes.length !== candidate.prefix.length) return false;
  let remaining = candidate.length;
  for (let index = 0; remaining > 0; index++, remaining -= 8) {
    const mask = remaining >= 8 ? 0xff : (0xff << (8 - remaining)) & 0xff;
    if (((bytes[index] ?? 0) & mask) !== ((candidate.prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}
