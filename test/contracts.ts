/** The route contract check: which routes lack a closed response schema (OpenAPI document in, problems out). */
export type Schema = Record<string, unknown>;
const COMBINERS = ['anyOf', 'oneOf', 'allOf'] as const;
const SHAPES = ['type', '$ref', 'enum', 'const', ...COMBINERS, 'not'];

/** JSON pointers of the schema nodes that allow anything. */
function openNodes(schema: unknown, at: string): string[] {
  if (schema === true) return [at];
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  if (!SHAPES.some((k) => k in s)) return [at];
  const found: string[] = [];
  for (const c of COMBINERS)
    if (Array.isArray(s[c]))
      for (const [i, sub] of (s[c] as unknown[]).entries()) found.push(...openNodes(sub, `${at}/${c}/${i}`));
  if (s.properties && typeof s.properties === 'object')
    for (const [k, sub] of Object.entries(s.properties as Schema)) found.push(...openNodes(sub, `${at}/${k}`));
  if (s.items) found.push(...openNodes(s.items, `${at}/items`));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    found.push(...openNodes(s.additionalProperties, `${at}/*`));
  if (s.patternProperties && typeof s.patternProperties === 'object')
    for (const sub of Object.values(s.patternProperties as Schema)) found.push(...openNodes(sub, `${at}/*`));
  return found;
}

/** Routes answered with a file or a redirect rather than JSON: they declare their body as binary or none. */
const isBinary = (content: Schema) =>
  Object.entries(content).some(([type, c]) => type !== 'application/json' && (c as Schema).schema !== undefined);

export interface RouteProblem {
  route: string;
  problem: string;
}

export function contractProblems(doc: { paths: Record<string, Record<string, Schema>> }): RouteProblem[] {
  const problems: RouteProblem[] = [];
  for (const [url, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const route = `${method.toUpperCase()} ${url}`;
      const responses = (op.responses ?? {}) as Record<string, Schema>;
      const success = Object.keys(responses).filter((s) => /^[23]\d\d$/.test(s));
      if (success.length === 0) {
        problems.push({ route, problem: 'no response schema for a success status' });
        continue;
      }
      for (const status of success) {
        const content = responses[status].content as Schema | undefined;
        if (!content) {
          // 204 and redirects carry no body; any other success without content has no schema
          if (status !== '204' && !status.startsWith('3'))
            problems.push({ route, problem: `no response schema for ${status}` });
          continue;
        }
        if (isBinary(content)) continue;
        const json = content['application/json'] as Schema | undefined;
        for (const node of openNodes(json?.schema, `${status}`))
          problems.push({ route, problem: `response ${node} allows anything` });
      }
    }
  return problems;
}
