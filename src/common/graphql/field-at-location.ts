import { BREAK, Kind, parse, visit, type ASTNode, type DocumentNode, type SourceLocation } from 'graphql';

/**
 * The argument or input-field path (`input.birthDate`) whose value written in the query text
 * covers this location, so that an error about a literal can name its field without quoting it.
 */
export function fieldAtLocation(source: string, location: SourceLocation): string | undefined {
  const offset = offsetOf(source, location);
  const document = offset === undefined ? undefined : parsed(source);
  if (offset === undefined || !document) return undefined;
  let field: string | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if ((node.kind !== Kind.ARGUMENT && node.kind !== Kind.OBJECT_FIELD) || !node.value.loc) return;
      if (offset < node.value.loc.start || offset > node.value.loc.end) return;
      field = argumentPath([...ancestors, node]);
    },
  });
  return field;
}

/**
 * The argument path (`input`) where the variable defined at this location is first used, so that
 * an error about its value names the schema's argument rather than the variable's name, which the
 * client chose. Looks in the operation that defines it, then in the fragments.
 */
export function fieldOfVariable(source: string, definedAt: SourceLocation, variable: string): string | undefined {
  const offset = offsetOf(source, definedAt);
  const document = offset === undefined ? undefined : parsed(source);
  if (offset === undefined || !document) return undefined;
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.loc && offset >= definition.loc.start && offset <= definition.loc.end,
  );
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const root of [operation, ...fragments]) {
    const field = root && firstUse(root, variable);
    if (field) return field;
  }
  return undefined;
}

function firstUse(root: ASTNode, variable: string): string | undefined {
  let field: string | undefined;
  visit(root, {
    VariableDefinition: () => false,
    Variable(node, _key, parent, _path, ancestors) {
      if (node.name.value !== variable || !parent) return undefined;
      field = argumentPath([...ancestors, parent]);
      return field ? BREAK : undefined;
    },
  });
  return field;
}

/** The names of the arguments and input fields among these nodes, outermost first. */
function argumentPath(nodes: readonly (ASTNode | readonly ASTNode[])[]): string | undefined {
  const names = nodes
    .filter(
      (node): node is ASTNode & { name: { value: string } } =>
        !Array.isArray(node) && ((node as ASTNode).kind === Kind.ARGUMENT || (node as ASTNode).kind === Kind.OBJECT_FIELD),
    )
    .map((node) => node.name.value);
  return names.length > 0 ? names.join('.') : undefined;
}

function offsetOf(source: string, location: SourceLocation): number | undefined {
  const lines = source.split('\n');
  if (location.line < 1 || location.line > lines.length) return undefined;
  return lines.slice(0, location.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + location.column - 1;
}

function parsed(source: string): DocumentNode | undefined {
  try {
    return parse(source);
  } catch {
    return undefined;
  }
}
