import { GraphQLError } from "graphql";
import { db } from "../db";

interface Context {
  userId: string | null;
}

export const resolvers = {
  Query: {
    post: (_: unknown, args: { id: string }) => db.post.findUnique({ where: { id: args.id } }),
    posts: (_: unknown, args: { first: number; after?: string }) => db.post.findMany({ take: Math.min(args.first, 100), cursor: args.after ? { id: args.after } : undefined }),
  },
  Mutation: {
    createPost: async (_: unknown, args: { input: { title: string; body: string } }, ctx: Context) => {
      if (!ctx.userId) throw new GraphQLError("unauthenticated");
      return db.post.create({ data: { ...args.input, authorId: ctx.userId } });
    },
  },
  Post: {
    author: (post: { authorId: string }) => db.user.findUnique({ where: { id: post.authorId } }),
  },
};
