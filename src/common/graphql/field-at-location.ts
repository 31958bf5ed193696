import { Kind, parse, visit, type ASTNode, type SourceLocation } from 'graphql';

/**
 * The argument or input-field path (`input.birthDate`) whose value written in the query text
 * covers this location, so that an error about a literal can name its field without quoting it.
 */
export function fieldAtLocation(source: string, location: SourceLocation): string | undefined {
  const lines = source.split('\n');
  if (location.line < 1 || location.line > lines.length) return undefined;
  const offset = lines.slice(0, location.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + location.column - 1;
  let document;
  try {
    document = parse(source);
  } catch {
    return undefined;
  }
  let field: string | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if ((node.kind !== Kind.ARGUMENT && node.kind !== Kind.OBJECT_FIELD) || !node.value.loc) return;
      if (offset < node.value.loc.start || offset > node.value.loc.end) return;
      const named = [...ancestors, node].filter(
        (ancestor): ancestor is ASTNode & { name: { value: string } } =>
          !Array.isArray(ancestor) && ((ancestor as ASTNode).kind === Kind.ARGUMENT || (ancestor as ASTNode).kind === Kind.OBJECT_FIELD),
      );
      field = named.map((ancestor) => ancestor.name.value).join('.');
    },
  });
  return field;
}
