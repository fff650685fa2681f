/** The operations of the server's OpenAPI document, in the shape the fuzzer needs. */

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** "POST /api/cases/{id}/events" */
  key: string;
  method: string;
  path: string;
  params: Param[];
  /** The JSON body schema, when the document declares one. */
  jsonBody?: { schema: Schema; required: boolean };
  /** A write without a declared body: its body is parsed by the route itself (files, forms). */
  rawBody: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Param[]; requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> } }
    >
  >;
}

const WRITES = ['post', 'put', 'patch', 'delete'];

export function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      const json = op.requestBody?.content['application/json'];
      ops.push({
        key: `${method} ${path}`,
        method,
        path,
        params: (op.parameters ?? []).filter((p) => ['path', 'query', 'header'].includes(p.in)),
        jsonBody: json ? { schema: json.schema, required: op.requestBody?.required ?? false } : undefined,
        rawBody: !json && WRITES.includes(m),
      });
    }
  }
  return ops;
}
