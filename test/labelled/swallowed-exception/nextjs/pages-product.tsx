import type { GetServerSideProps, GetStaticPaths, GetStaticProps } from "next";
import Head from "next/head";
import { useRouter } from "next/router";
import { useEffect, useState } from "react";
import { shop, ShopNotFoundError } from "@/lib/shop";
import { reviewsApi } from "@/lib/reviews";

type Props = { product: { id: string; title: string; price: number } | null; related: string[] };

export const getStaticPaths: GetStaticPaths = async () => {
  try {
    const ids = await shop.topProductIds(100);
    return { paths: ids.map((id) => ({ params: { id } })), fallback: "blocking" };
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    return { paths: [], fallback: "blocking" };
  }
};

export const getStaticProps: GetStaticProps<Props> = async ({ params }) => {
  const id = String(params?.id);
  try {
    const product = await shop.product(id);
    return { props: { product, related: await shop.related(id) }, revalidate: 60 };
  } catch (err) {
    if (err instanceof ShopNotFoundError) return { notFound: true };
    throw err;
  }
};

export const getServerSideProps: GetServerSideProps<Props> = async ({ query }) => {
  try {
    const product = await shop.product(String(query.id));
    return { props: { product, related: [] } };
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    console.error(err);
    return { props: { product: null, related: [] } };
  }
};

export default function ProductPage({ product, related }: Props) {
  const router = useRouter();
  const [reviews, setReviews] = useState<string[]>([]);
  const [reviewsError, setReviewsError] = useState(false);

  useEffect(() => {
    if (!product) return;
    reviewsApi
      .list(product.id)
      .then(setReviews)
      .catch(() => setReviewsError(true));
  }, [product]);

  useEffect(() => {
    // hh-expect: swallowed-exception/promiseCatchNoop
    router.prefetch("/cart").catch(() => []);
  }, [router]);

  async function addToCart() {
    try {
      await shop.addToCart(product!.id);
      await router.push("/cart");
    // hh-expect: swallowed-exception/logAndContinue
    } catch (error) {
      if (error instanceof Error) console.error(error.message);
    }
  }

  async function share() {
    try {
      await navigator.share({ title: product?.title, url: location.href });
    } catch (e) {
      /* empty */
    }
  }

  if (!product) return <p>Product unavailable</p>;
  return (
    <>
      <Head>
        <title>{product.title}</title>
      </Head>
      <h1>{product.title}</h1>
      <button onClick={addToCart}>Add to cart</button>
      <button onClick={share}>Share</button>
      {reviewsError ? <p role="alert">Reviews are unavailable</p> : reviews.map((r) => <p key={r}>{r}</p>)}
      {related.length > 0 && <aside>{related.join(", ")}</aside>}
    </>
  );
}
