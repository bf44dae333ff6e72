/**
 * Looking ahead in a query from a resolver: what the rest of the query will ask of the value
 * being resolved, so that one statement can read it along.
 */
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/**
 * Whether the field being resolved selects any of `names` directly on its value: in its own
 * selection set, inline fragments and named fragments, not deeper. @skip and @include are not
 * evaluated (a skipped field counts as asked for), which at worst reads something unused.
 */
export function selectsAnyOf(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  const visited = new Set<string>();
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return names.has(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return visit(selection.selectionSet.selections);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          if (!fragment || visited.has(fragment.name.value)) return false;
          visited.add(fragment.name.value);
          return visit(fragment.selectionSet.selections);
        }
        default:
          return false;
      }
    });
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && visit(node.selectionSet.selections));
}
