import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";

interface Ctx {
  userId?: string;
  isInternal: boolean;
}

// hh-expect: hardcoded-secret/suspiciousName
const INTERNAL_TOKEN = "1mtRDhSXpVRWdxkeRHTrfkS2k9FFdvs3";

export const server = new ApolloServer<Ctx>({
  typeDefs: "type Query { me: String }",
  resolvers: { Query: { me: (_: unknown, __: unknown, ctx: Ctx) => ctx.userId ?? null } },
  csrfPrevention: true,
  introspection: process.env.NODE_ENV !== "production",
});

export async function context({ req }: { req: { headers: Record<string, string | undefined> } }): Promise<Ctx> {
  const token = req.headers["x-internal-token"];
  if (token !== undefined && token !== INTERNAL_TOKEN) {
    throw new GraphQLError("Invalid token", { extensions: { code: "UNAUTHENTICATED" } });
  }
  const apiKey = req.headers["x-api-key"];
  if (apiKey && apiKey !== process.env.GRAPHQL_API_KEY) throw new GraphQLError("Invalid API key");
  return { isInternal: token === INTERNAL_TOKEN };
}
