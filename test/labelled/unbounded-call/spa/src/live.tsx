import { useEffect, useState } from "react";
import pRetry from "p-retry";

export function useLivePrice(symbol: string) {
  const [price, setPrice] = useState<number | null>(null);
  useEffect(() => {
    let stopped = false;
    async function loop() {
      // hh-expect: unbounded-call/retry
      while (!stopped) {
        try {
          const r = await fetch(`${import.meta.env.VITE_API_URL}/price/${symbol}`);
          setPrice((await r.json()).price);
          await new Promise((res) => setTimeout(res, 2000));
        } catch {
          continue;
        }
      }
    }
    loop();
    return () => {
      stopped = true;
    };
  }, [symbol]);
  return price;
}

export function loadWidget() {
  return pRetry(() => import("./widget"), { retries: 5 });
}

export function Price({ symbol }: { symbol: string }) {
  const price = useLivePrice(symbol);
  return <span>{price ?? "…"}</span>;
}
