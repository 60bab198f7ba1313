import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

interface Post {
  id: string;
  title: string;
  excerpt: string;
}

const Author = z.object({ name: z.string(), avatarUrl: z.string().url() });

async function getPosts(): Promise<Post[]> {
  const res = await fetch(`${process.env.CMS_URL}/posts`, { next: { revalidate: 60 } });
  if (!res.ok) throw new Error("failed to load posts");
  // A pass-through helper: the caller maps the posts without validation.
  // hh-expect: unvalidated-boundary/fetchJson
  return res.json();
}

async function getAuthor(id: string) {
  const res = await fetch(`${process.env.CMS_URL}/authors/${id}`);
  if (res.status === 404) notFound();
  return Author.parse(await res.json());
}

export default async function BlogPage() {
  const posts = await getPosts();
  const author = await getAuthor("main");
  // hh-expect: unvalidated-boundary/fetchJson
  const featured = (await (await fetch(`${process.env.CMS_URL}/featured`)).json()) as Post;
  return (
    <main>
      <h1>{author.name}</h1>
      <Link href={`/posts/${featured.id}`}>{featured.title}</Link>
      <ul>
        {posts.map((post) => (
          <li key={post.id}>
            <Link href={`/posts/${post.id}`}>{post.title}</Link>
            <p>{post.excerpt}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
