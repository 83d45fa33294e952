import { z } from "zod";

/**
 * Makes a zod schema usable as an Elysia route schema that also documents itself in
 * `/swagger/json`: Elysia validates through the (hidden) Standard Schema interface, while the
 * swagger plugin, which copies enumerable properties, sees plain JSON Schema.
 */
export function documented<T extends z.ZodType>(schema: T): T {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  const carrier: Record<string, unknown> = { ...json };
  Object.defineProperty(carrier, "~standard", { value: schema["~standard"], enumerable: false });
  return carrier as unknown as T;
}
