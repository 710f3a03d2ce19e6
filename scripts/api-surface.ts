import path from 'node:path';
import ts from 'typescript';

/** One entry point of a package, as its `exports` map names it. */
export interface ApiEntry {
  /** The subpath, `.` or `./connector`. */
  subpath: string;
  /** The built declaration file of the entry (the ESM `types` condition). */
  declarationFile: string;
}

/** What {@link printApiSurface} needs to know about the package. */
export interface ApiSurfaceOptions {
  /** The package's directory: declarations outside it belong to other packages. */
  packageDirectory: string;
  entries: readonly ApiEntry[];
  /** Overrides file reading (tests pass in-memory declaration files). */
  host?: Pick<ts.CompilerHost, 'fileExists' | 'readFile' | 'directoryExists'>;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function kindOf(declaration: ts.Declaration): string {
  if (ts.isClassDeclaration(declaration)) return 'class';
  if (ts.isInterfaceDeclaration(declaration)) return 'interface';
  if (ts.isTypeAliasDeclaration(declaration)) return 'type';
  if (ts.isFunctionDeclaration(declaration)) return 'function';
  if (ts.isEnumDeclaration(declaration)) return 'enum';
  if (ts.isModuleDeclaration(declaration)) return 'namespace';
  if (ts.isVariableDeclaration(declaration)) return 'const';
  return ts.SyntaxKind[declaration.kind] ?? 'declaration';
}

// The statement to print for a declaration: a variable's whole `declare const` statement.
function printableNode(declaration: ts.Declaration): ts.Node {
  if (ts.isVariableDeclaration(declaration)) {
    const statement = declaration.parent.parent;
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      return statement;
    }
  }
  return declaration;
}

function printDeclaration(declaration: ts.Declaration): string {
  const node = printableNode(declaration);
  const sourceFile = node.getSourceFile();
  return printer.printNode(ts.EmitHint.Unspecified, canonical(node, sourceFile), sourceFile).trim();
}

// The declaration emitter writes a union's members, and the members of an object type built
// from one (`z.ZodEnum<{ passed: "passed"; … }>`), in the order the checker happened to create
// their types, which differs between builds of the same sources. Neither order means anything,
// so both are sorted: the report changes when the API does, never with the build.
function canonical(node: ts.Node, sourceFile: ts.SourceFile): ts.Node {
  const text = (child: ts.Node) => printer.printNode(ts.EmitHint.Unspecified, child, sourceFile);
  const byText = (left: ts.Node, right: ts.Node) => compare(text(left), text(right));
  const result = ts.transform(node, [
    (context) => (root) => {
      const visit = (child: ts.Node): ts.Node => {
        const visited = ts.visitEachChild(child, visit, context);
        if (ts.isUnionTypeNode(visited)) {
          return context.factory.updateUnionTypeNode(
            visited,
            context.factory.createNodeArray([...visited.types].sort(byText)),
          );
        }
        // Only plain property lists: call and index signatures keep their (meaningful) order.
        if (ts.isTypeLiteralNode(visited) && visited.members.every(ts.isPropertySignature)) {
          return context.factory.updateTypeLiteralNode(
            visited,
            context.factory.createNodeArray([...visited.members].sort(byText)),
          );
        }
        return visited;
      };
      return ts.visitNode(root, visit) as typeof root;
    },
  ]);
  const [transformed] = result.transformed;
  result.dispose();
  return transformed ?? node;
}

function resolved(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * Prints the public surface of a package's built declarations, deterministically: per entry,
 * every export by name with its kind and its declaration as TypeScript prints it (comments
 * dropped, so documentation edits do not change it), then every declaration the exports refer
 * to without exporting it (a base interface, an options type), since changing one changes the
 * API too. Declarations from other packages are named, not printed: they belong to that
 * package's report.
 */
export function printApiSurface(options: ApiSurfaceOptions): string {
  const packageDirectory = path.resolve(options.packageDirectory);
  const host = ts.createCompilerHost({ skipLibCheck: true });
  if (options.host !== undefined) {
    const { fileExists, readFile, directoryExists } = options.host;
    host.fileExists = (file) => fileExists(file) || ts.sys.fileExists(file);
    host.directoryExists = (directory) =>
      directoryExists?.(directory) === true || ts.sys.directoryExists(directory);
    host.readFile = (file) => readFile(file) ?? ts.sys.readFile(file);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, onError) => {
      const text = readFile(file);
      return text === undefined
        ? getSourceFile(file, language, onError)
        : ts.createSourceFile(file, text, language, true);
    };
  }
  const program = ts.createProgram(
    options.entries.map((entry) => entry.declarationFile),
    {
      noEmit: true,
      skipLibCheck: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
    },
    host,
  );
  const checker = program.getTypeChecker();
  const isOwn = (file: ts.SourceFile): boolean =>
    !path.relative(packageDirectory, path.resolve(file.fileName)).startsWith('..');

  const sections: string[] = [];
  for (const entry of options.entries) {
    const sourceFile = program.getSourceFile(entry.declarationFile);
    const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol === undefined) {
      throw new Error(`${entry.declarationFile}: not a module (is the package built?)`);
    }
    const exported = checker
      .getExportsOfModule(moduleSymbol)
      .sort((left, right) => compare(left.name, right.name));
    const exportedTargets = new Set(exported.map((symbol) => resolved(checker, symbol)));
    const referenced = new Map<ts.Symbol, string>();
    const lines = [`## \`${entry.subpath}\` (${exported.length} exports)`, '', '```ts'];

    const visitReferences = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && !isDeclarationName(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        const target = symbol && resolved(checker, symbol);
        const declarations = target?.declarations ?? [];
        if (
          target !== undefined &&
          !exportedTargets.has(target) &&
          !referenced.has(target) &&
          declarations.length > 0 &&
          declarations.every(
            (declaration) => isTopLevel(declaration) && isOwn(declaration.getSourceFile()),
          )
        ) {
          referenced.set(target, target.name);
          for (const declaration of declarations) visitReferences(declaration);
        }
      }
      ts.forEachChild(node, visitReferences);
    };

    for (const symbol of exported) {
      const target = resolved(checker, symbol);
      const declarations = target.declarations ?? [];
      const own = declarations.filter((declaration) => isOwn(declaration.getSourceFile()));
      if (own.length === 0) {
        const first = declarations[0];
        const from = first
          ? packageOf(first.getSourceFile().fileName, host)
          : 'an unresolved module';
        lines.push(`// ${symbol.name}: re-exported from ${from}`, '');
        continue;
      }
      const kinds = [...new Set(own.map(kindOf))].join(' + ');
      const alias = target.name === symbol.name ? '' : ` (declared as ${target.name})`;
      lines.push(`// ${symbol.name}: ${kinds}${alias}`);
      for (const declaration of own) {
        lines.push(printDeclaration(declaration));
        visitReferences(declaration);
      }
      lines.push('');
    }

    if (referenced.size > 0) {
      lines.push('// Referenced by the exports above, not exported:', '');
      const sorted = [...referenced.entries()].sort((left, right) => compare(left[1], right[1]));
      for (const [symbol, name] of sorted) {
        const declarations = symbol.declarations ?? [];
        lines.push(`// ${name}: ${[...new Set(declarations.map(kindOf))].join(' + ')}`);
        for (const declaration of declarations) lines.push(printDeclaration(declaration));
        lines.push('');
      }
    }
    if (lines.at(-1) === '') lines.pop();
    lines.push('```');
    sections.push(lines.join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}

// Code-unit order: the same on every machine and locale.
function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function isTopLevel(declaration: ts.Declaration): boolean {
  let node: ts.Node = declaration;
  if (ts.isVariableDeclaration(node)) node = node.parent.parent;
  return node.parent !== undefined && ts.isSourceFile(node.parent);
}

// The name being declared is not a reference to it.
function isDeclarationName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    parent !== undefined &&
    'name' in parent &&
    (parent as { name?: ts.Node }).name === identifier &&
    !ts.isPropertyAccessExpression(parent) &&
    !ts.isQualifiedName(parent)
  );
}

// The name in the nearest package.json above the file (workspace packages resolve to their real
// directory, not through node_modules).
function packageOf(fileName: string, host: Pick<ts.CompilerHost, 'readFile'>): string {
  for (let directory = path.dirname(fileName); ; directory = path.dirname(directory)) {
    const manifest = host.readFile(path.join(directory, 'package.json'));
    if (manifest !== undefined) {
      const name: unknown = (JSON.parse(manifest) as { name?: unknown }).name;
      if (typeof name === 'string') return name;
    }
    if (path.dirname(directory) === directory) return path.basename(fileName);
  }
}
