/** One parsed XML element. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const namePattern = /^[A-Za-z_][\w.-]*/;
// XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const forbiddenCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * A small, strict XML 1.0 well-formedness checker for the subset reports write (a declaration,
 * elements, attributes, text, character and the five predefined entity references). Throws
 * with a position on anything ill-formed, so tests need no XML dependency.
 */
export function parseXml(xml: string): XmlElement {
  if (forbiddenCharacter.test(xml)) throw new Error('a character XML 1.0 forbids');
  let position = 0;
  const fail = (message: string): never => {
    throw new Error(
      `${message} at ${position}: ${JSON.stringify(xml.slice(position, position + 40))}`,
    );
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) fail('unterminated declaration');
    position = end + 2;
  }
  const skipSpace = () => {
    while (/\s/.test(xml[position] ?? '')) position += 1;
  };
  const readName = (): string => {
    const match = namePattern.exec(xml.slice(position));
    if (match === null) return fail('expected a name');
    position += match[0].length;
    return match[0];
  };
  const decode = (raw: string): string => {
    if (/[<]/.test(raw)) fail('raw < in text or attribute');
    return raw.replace(/&([^;]*);?/g, (whole, entity: string) => {
      if (!whole.endsWith(';')) fail('& without ;');
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      const value = named[entity];
      if (value !== undefined) return value;
      const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(entity);
      if (numeric === null) return fail(`unknown entity &${entity};`);
      const code = Number.parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] ? 16 : 10);
      const character = String.fromCodePoint(code);
      if (forbiddenCharacter.test(character)) fail('a character reference XML 1.0 forbids');
      return character;
    });
  };
  const readElement = (): XmlElement => {
    if (xml[position] !== '<') fail('expected <');
    position += 1;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = position;
      skipSpace();
      if (xml.startsWith('/>', position)) {
        position += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (xml[position] === '>') {
        position += 1;
        break;
      }
      if (before === position) fail('expected space before an attribute');
      const attribute = readName();
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (xml[position] !== '=') fail('expected =');
      position += 1;
      skipSpace();
      const quote = xml[position];
      if (quote !== '"' && quote !== "'") return fail('expected a quote');
      const end = xml.indexOf(quote, position + 1);
      if (end === -1) fail('unterminated attribute');
      attributes[attribute] = decode(xml.slice(position + 1, end));
      position = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = xml.indexOf('<', position);
      if (next === -1) fail(`unclosed <${name}>`);
      const raw = xml.slice(position, next);
      if (raw.includes(']]>')) fail(']]> in text');
      text += decode(raw);
      position = next;
      if (xml.startsWith('</', position)) {
        position += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (xml[position] !== '>') fail('expected >');
        position += 1;
        return { name, attributes, children, text };
      }
      children.push(readElement());
    }
  };
  skipSpace();
  const root = readElement();
  skipSpace();
  if (position !== xml.length) fail('content after the root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}
