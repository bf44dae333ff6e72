/**
 * Checks on the shape of an operation that refuse a hostile one before it runs (so it runs no
 * SQL): how deep it nests and how many aliases and directives it uses (validation rules, for
 * Apollo's `validationRules`), and what it would cost (which depends on the variables, so
 * `queryCostLimitPlugin` checks it for each request, once the operation is known). The numbers
 * are in limits.ts; the token limit is the parser's (`parseOptions` in server.ts), its error
 * reworded here by `formatTokenLimitError`.
 *
 * Nothing is exempt by name: an operation, fragment or alias called `__schema` counts like any
 * other. Fragments count where they are spread (each one measured once, so a fragment spread
 * many times costs no extra work to check); fragment cycles count nothing here, and graphql's
 * own NoFragmentCyclesRule refuses them.
 *
 * In development a rejection names the limit and the numbers (`extensions.limit`); in
 * production it says only that a limit was exceeded.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { ASSUMED_LIST_SIZE, DEFAULT_LIST_SIZE_ESTIMATE, MAX_ALIASES, MAX_DIRECTIVES, MAX_INTROSPECTION_DEPTH, MAX_QUERY_COST, MAX_QUERY_DEPTH, MAX_TOKENS } from './limits.js';

export type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

export interface LimitOptions {
  /** In production a rejection does not say which limit, nor by how much. */
  production: boolean;
}

/** What a client is told in production when a request exceeds any limit. */
export const LIMIT_EXCEEDED_MESSAGE = 'The query exceeds a server limit.';

const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';
const PARSE_FAILED = 'GRAPHQL_PARSE_FAILED';

const LIMIT_LABELS: Record<LimitName, string> = {
  depth: 'depth',
  aliases: 'alias count',
  directives: 'directive count',
  cost: 'estimated cost',
  tokens: 'token count',
};

function limitMessage(limit: LimitName, actual: number | undefined, max: number): string {
  const measured = actual === undefined ? '' : ` ${actual}`;
  return `Query ${LIMIT_LABELS[limit]}${measured} exceeds the limit of ${max}.`;
}

/** The rejection for an operation over a limit, e.g. "Query depth 9 exceeds the limit of 8." */
export function limitExceeded(limit: LimitName, actual: number, max: number, options: LimitOptions, nodes?: ASTNode[]): GraphQLError {
  if (options.production) return new GraphQLError(LIMIT_EXCEEDED_MESSAGE, { nodes, extensions: { code: VALIDATION_FAILED } });
  return new GraphQLError(limitMessage(limit, actual, max), { nodes, extensions: { code: VALIDATION_FAILED, limit } });
}

/** The validation rules for Apollo's `validationRules`: depth, aliases and directives. */
export function queryLimitRules(options: LimitOptions): ValidationRule[] {
  return [depthLimitRule(options), aliasLimitRule(options), directiveLimitRule(options)];
}

// ---------------------------------------------------------------------------------------------
// Measuring selections through fragments

type Measure = (selectionSet: SelectionSetNode, fragment: (name: string) => number) => number;

/**
 * Measures operations with `measure`, which sums or maxes over selections and asks `fragment`
 * for a spread. Each fragment is measured once per document (with `ownExtra` for what its
 * definition adds, e.g. its own directives); a fragment met again while being measured (a
 * cycle) or not defined counts 0: validation refuses those documents anyway.
 */
function fragmentMeasurer(context: ValidationContext, measure: Measure, ownExtra: (definition: FragmentDefinitionNode) => number = () => 0) {
  const measured = new Map<string, number>();
  const inProgress = new Set<string>();
  const fragment = (name: string): number => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const definition = context.getFragment(name);
    if (!definition || inProgress.has(name)) return 0;
    inProgress.add(name);
    const value = ownExtra(definition) + measure(definition.selectionSet, fragment);
    inProgress.delete(name);
    measured.set(name, value);
    return value;
  };
  return (selectionSet: SelectionSetNode) => measure(selectionSet, fragment);
}

/** A rule that measures each operation and reports those over `max`. */
function operationLimitRule(limit: LimitName, max: number, options: LimitOptions, measure: Measure, extra?: {
  operation?: (operation: OperationDefinitionNode) => number;
  fragment?: (definition: FragmentDefinitionNode) => number;
}): ValidationRule {
  return (context) => {
    const measureSet = fragmentMeasurer(context, measure, extra?.fragment);
    return {
      OperationDefinition(operation) {
        const value = (extra?.operation?.(operation) ?? 0) + measureSet(operation.selectionSet);
        if (value > max) context.reportError(limitExceeded(limit, value, max, options, [operation]));
        return false;
      },
      FragmentDefinition: () => false,
    };
  };
}

/** How deep fields nest: `{ a { b } }` is 2. Fragments add no depth of their own. */
const depthOf: Measure = (selectionSet, fragment) => {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    const depth =
      selection.kind === Kind.FIELD ? 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragment) : 0)
      : selection.kind === Kind.INLINE_FRAGMENT ? depthOf(selection.selectionSet, fragment)
      : fragment(selection.name.value);
    deepest = Math.max(deepest, depth);
  }
  return deepest;
};

const aliasesIn: Measure = (selectionSet, fragment) => {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += (selection.alias ? 1 : 0) + (selection.selectionSet ? aliasesIn(selection.selectionSet, fragment) : 0);
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += aliasesIn(selection.selectionSet, fragment);
    else count += fragment(selection.name.value);
  }
  return count;
};

const directivesIn: Measure = (selectionSet, fragment) => {
  let count = 0;
  for (const selection of selectionSet.selections) {
    count += selection.directives?.length ?? 0;
    if (selection.kind === Kind.FRAGMENT_SPREAD) count += fragment(selection.name.value);
    else if (selection.selectionSet) count += directivesIn(selection.selectionSet, fragment);
  }
  return count;
};

/** The meta-fields whose selections graphql-js can only fill from the schema itself. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Refuses an operation whose fields nest deeper than `max`, fragments included. A top-level
 * field that IS `__schema` or `__type` (by field name: an alias, operation name or fragment name
 * changes nothing) may nest to `introspectionMax`, so tools can load the schema in development.
 */
export function depthLimitRule(options: LimitOptions, max = MAX_QUERY_DEPTH, introspectionMax = MAX_INTROSPECTION_DEPTH): ValidationRule {
  return (context) => {
    const measureSet = fragmentMeasurer(context, depthOf);
    return {
      OperationDefinition(operation) {
        for (const selection of operation.selectionSet.selections) {
          const depth = measureSet({ kind: Kind.SELECTION_SET, selections: [selection] });
          const introspection = operation.operation === 'query' && selection.kind === Kind.FIELD && INTROSPECTION_ROOTS.has(selection.name.value);
          const limit = introspection ? introspectionMax : max;
          if (depth > limit) {
            context.reportError(limitExceeded('depth', depth, limit, options, [operation]));
            return false;
          }
        }
        return false;
      },
      FragmentDefinition: () => false,
    };
  };
}

/** Refuses an operation with more than `max` aliased fields; a fragment's count once per spread. */
export function aliasLimitRule(options: LimitOptions, max = MAX_ALIASES): ValidationRule {
  return operationLimitRule('aliases', max, options, aliasesIn);
}

/** Refuses an operation with more than `max` directive uses, on any node; counted like aliases. */
export function directiveLimitRule(options: LimitOptions, max = MAX_DIRECTIVES): ValidationRule {
  return operationLimitRule('directives', max, options, directivesIn, {
    operation: (operation) =>
      (operation.directives?.length ?? 0) + (operation.variableDefinitions ?? []).reduce((sum, definition) => sum + (definition.directives?.length ?? 0), 0),
    fragment: (definition) => definition.directives?.length ?? 0,
  });
}

// ---------------------------------------------------------------------------------------------
// Cost

export interface CostLimitOptions extends LimitOptions {
  /** The request's variables, for `first: $n`. Without them a variable counts as its default. */
  variables?: Record<string, unknown> | undefined;
  max?: number;
}

/**
 * Refuses an operation whose estimated cost (see `estimateQueryCost`) is over `max`.
 *
 * The cost depends on the variables, so it cannot be one of Apollo's `validationRules` (whose
 * results Apollo caches per document): `queryCostLimitPlugin` checks it for each request.
 */
export function costLimitRule(options: CostLimitOptions): ValidationRule {
  const max = options.max ?? MAX_QUERY_COST;
  return (context) => ({
    OperationDefinition(operation) {
      const cost = estimateQueryCost(context.getSchema(), context.getDocument(), operation, options.variables ?? {});
      if (cost > max) context.reportError(limitExceeded('cost', cost, max, options, [operation]));
      return false;
    },
    FragmentDefinition: () => false,
  });
}

/**
 * Checks the cost of the operation about to run, with its variables, before it runs: a
 * GRAPHQL_VALIDATION_FAILED error (HTTP 400) when it is over `max`.
 */
export function queryCostLimitPlugin(options: LimitOptions & { max?: number }): ApolloServerPlugin<BaseContext> {
  const max = options.max ?? MAX_QUERY_COST;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // execution refuses it, running nothing
          const cost = estimateQueryCost(schema, document, operation, request.variables ?? {});
          if (cost > max) {
            const error = limitExceeded('cost', cost, max, options);
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/**
 * The estimated cost of an operation: each field costs 1, times the sizes of the lists it is
 * in. A list's size is its `first` (literal, variable or default); a connection's `first`
 * sizes its `edges`; without a `first`, a connection counts DEFAULT_LIST_SIZE_ESTIMATE items and
 * a plain list ASSUMED_LIST_SIZE. So 100 treatments with 100 articles each cost 100 × 100 per
 * article field. A fragment counts wherever it is spread; on a union or interface every
 * fragment counts (an overestimate when only one type's applies).
 *
 * Written without graphql-js's type predicates (`isListType`, ...), which refuse a schema from
 * another copy of graphql-js (as Apollo's can be under a bundler or test runner).
 */
export function estimateQueryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.defaultValue]));

  /** The value of a `first` argument as given (a number when it is one). */
  const argumentValue = (value: ValueNode | undefined, fallback: unknown): unknown => {
    if (value === undefined) return fallback;
    switch (value.kind) {
      case Kind.INT:
        return Number(value.value);
      case Kind.NULL:
        return null;
      case Kind.VARIABLE: {
        const name = value.name.value;
        if (Object.hasOwn(variables, name)) return variables[name];
        return variableDefaults.has(name) ? argumentValue(variableDefaults.get(name), fallback) : fallback;
      }
      default:
        return undefined;
    }
  };

  /** How many items a list or connection answers, as far as can be told before running it. */
  const listSize = (field: FieldInfo, node: FieldNode): number => {
    const first = field.args.find((arg) => arg.name === 'first');
    if (first) {
      const argument = node.arguments?.find((arg) => arg.name.value === 'first');
      const value = argument ? argumentValue(argument.value, first.defaultValue) : first.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
      return DEFAULT_LIST_SIZE_ESTIMATE;
    }
    return isConnection(field.type) ? DEFAULT_LIST_SIZE_ESTIMATE : ASSUMED_LIST_SIZE;
  };

  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  /**
   * The cost of a selection set for one instance of its parent. `pageSize` is set when the
   * parent is a connection: its list fields (`edges`) have that many items.
   */
  const costOf = (selectionSet: SelectionSetNode, parentType: unknown, pageSize: number | undefined): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parentType, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        total += costOf(selection.selectionSet, type, pageSize);
      } else {
        total += fragmentCost(selection.name.value, pageSize);
      }
    }
    return total;
  };

  // A fragment's cost is worked out once (per page size), so spreading it often costs nothing
  // extra to estimate; one met again while being measured (a cycle) counts 0 (validation refuses it).
  const fragmentCost = (name: string, pageSize: number | undefined): number => {
    const key = `${name}:${pageSize ?? ''}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const definition = fragments.get(name);
    if (!definition || inProgress.has(key)) return 0;
    inProgress.add(key);
    const cost = costOf(definition.selectionSet, schema.getType(definition.typeCondition.name.value), pageSize);
    inProgress.delete(key);
    fragmentCosts.set(key, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parentType: unknown, pageSize: number | undefined): number => {
    if (!node.selectionSet) return 1;
    const field = fieldInfo(schema, parentType, node.name.value);
    if (!field) return 1 + costOf(node.selectionSet, undefined, undefined);
    const childType = namedType(field.type);
    if (isConnection(field.type)) return 1 + costOf(node.selectionSet, childType, listSize(field, node));
    if (typeTag(nullable(field.type)) === 'GraphQLList') {
      const size = pageSize ?? listSize(field, node);
      return 1 + size * costOf(node.selectionSet, childType, undefined);
    }
    return 1 + costOf(node.selectionSet, childType, undefined);
  };

  // Real introspection fields read the schema, not content: their cost is bounded by the
  // schema's size (and their depth by the depth rule), so they are left out of the estimate.
  const contentSelections = operation.selectionSet.selections.filter(
    (selection) => !(operation.operation === 'query' && selection.kind === Kind.FIELD && INTROSPECTION_ROOTS.has(selection.name.value)),
  );
  return costOf({ kind: Kind.SELECTION_SET, selections: contentSelections }, rootType, undefined);
}

/** What the estimate needs of a field's definition. */
interface FieldInfo {
  args: readonly { name: string; defaultValue: unknown }[];
  type: unknown;
}

/** graphql-js types name their class in Symbol.toStringTag ('GraphQLList', 'GraphQLObjectType', ...). */
function typeTag(type: unknown): string | undefined {
  return type !== null && typeof type === 'object' ? (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] : undefined;
}

function nullable(type: unknown): unknown {
  return typeTag(type) === 'GraphQLNonNull' ? (type as { ofType: unknown }).ofType : type;
}

function namedType(type: unknown): unknown {
  let named = type;
  while (typeTag(named) === 'GraphQLNonNull' || typeTag(named) === 'GraphQLList') named = (named as { ofType: unknown }).ofType;
  return named;
}

function fieldsOf(type: unknown): Record<string, FieldInfo> | undefined {
  const tag = typeTag(type);
  return tag === 'GraphQLObjectType' || tag === 'GraphQLInterfaceType' ? (type as { getFields(): Record<string, FieldInfo> }).getFields() : undefined;
}

/** A Relay connection: its `first` sizes its `edges`. */
function isConnection(type: unknown): boolean {
  const named = namedType(type);
  const fields = fieldsOf(named);
  return typeTag(named) === 'GraphQLObjectType' && (named as { name: string }).name.endsWith('Connection') && fields !== undefined && 'edges' in fields;
}

function fieldInfo(schema: GraphQLSchema, parentType: unknown, name: string): FieldInfo | undefined {
  if (parentType === schema.getQueryType()) {
    // The introspection entry points are not among the Query type's own fields.
    if (name === '__schema') return { args: [], type: schema.getType('__Schema') };
    if (name === '__type') return { args: [], type: schema.getType('__Type') };
  }
  return fieldsOf(parentType)?.[name];
}

// ---------------------------------------------------------------------------------------------
// Tokens

const TOKEN_LIMIT_ERROR = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;

/**
 * The parser's own error for a document over the token limit, reworded like the other limits
 * (for `formatError`); any other error is answered unchanged. The code stays Apollo's
 * GRAPHQL_PARSE_FAILED, with HTTP 400.
 */
export function formatTokenLimitError(formatted: GraphQLFormattedError, options: LimitOptions, max = MAX_TOKENS): GraphQLFormattedError {
  if (formatted.extensions?.code !== PARSE_FAILED || !TOKEN_LIMIT_ERROR.test(formatted.message)) return formatted;
  if (options.production) return { message: LIMIT_EXCEEDED_MESSAGE, locations: formatted.locations, extensions: { code: PARSE_FAILED } };
  return { message: limitMessage('tokens', undefined, max), locations: formatted.locations, extensions: { code: PARSE_FAILED, limit: 'tokens' } };
}
