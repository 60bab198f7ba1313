import { GraphQLError } from "graphql";
import DataLoader from "dataloader";
import { db } from "./db";
import { logger } from "./logger";
import { search } from "./search";
import { pubsub } from "./pubsub";

type Ctx = { userId?: string; loaders: { author: DataLoader<string, { id: string; name: string }> } };

export const resolvers = {
  Query: {
    async post(_: unknown, { id }: { id: string }) {
      const post = await db.posts.find(id);
      if (!post) throw new GraphQLError("post not found", { extensions: { code: "NOT_FOUND" } });
      return post;
    },

    async search(_: unknown, { q }: { q: string }) {
      try {
        return await search.query(q);
      // hh-expect: swallowed-exception/logAndContinue
      } catch (err) {
        logger.warn({ err, q }, "search backend down");
        return [];
      }
    },

    async trending() {
      try {
        return await search.trending();
      } catch (err) {
        throw new GraphQLError("trending unavailable", { originalError: err as Error });
      }
    },

    async stats() {
      try {
        return await db.stats();
        // hh-expect: swallowed-exception/rethrowWithoutCause
      } catch (err) {
        throw new GraphQLError("stats unavailable");
      }
    },
  },

  Mutation: {
    async createPost(_: unknown, { title, body }: { title: string; body: string }, ctx: Ctx) {
      if (!ctx.userId) throw new GraphQLError("login required", { extensions: { code: "UNAUTHENTICATED" } });
      const post = await db.posts.create({ title, body, authorId: ctx.userId });
      // hh-expect: swallowed-exception/promiseCatchLogOnly
      pubsub.publish("POST_CREATED", { postCreated: post }).catch((err) => logger.error({ err, postId: post.id }, "publish failed"));
      return post;
    },

    async deletePost(_: unknown, { id }: { id: string }, ctx: Ctx) {
      try {
        await db.posts.delete(id, ctx.userId);
        return true;
      } catch (err) {
        logger.error({ err, id }, "delete failed");
        return false;
      }
    },

    async likePost(_: unknown, { id }: { id: string }, ctx: Ctx) {
      try {
        await db.likes.add(id, ctx.userId);
      // hh-expect: swallowed-exception/emptyCatch
      } catch {}
      return db.posts.find(id);
    },
  },

  Post: {
    async author(post: { authorId: string }, _: unknown, ctx: Ctx) {
      try {
        return await ctx.loaders.author.load(post.authorId);
      // hh-expect: swallowed-exception/catchReturnsDefault
      } catch {
        return { id: post.authorId, name: "Unknown author" };
      }
    },
  },
};
