import { QueryClient, useQuery } from "@tanstack/react-query";
import { api } from "./api";

export const queryClient = new QueryClient({
  defaultOptions: {
    // hh-expect: unbounded-call/retry
    queries: { retry: true, staleTime: 30000 },
  },
});

export function useProducts() {
  return useQuery({ queryKey: ["products"], queryFn: () => api.get("/products").then((r) => r.data), retry: 2 });
}

export function useStock(sku: string) {
  return useQuery({
    queryKey: ["stock", sku],
    queryFn: () => api.get(`/stock/${sku}`).then((r) => r.data),
    // hh-expect: unbounded-call/retry
    retry: Infinity,
  });
}
