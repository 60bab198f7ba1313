import { useEffect, useMemo, useRef, useState } from "react";
import { useQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import * as Sentry from "@sentry/react";
import { api, type Order } from "../lib/api";

export function useOrders(customerId: string) {
  return useQuery({
    queryKey: ["orders", customerId],
    queryFn: () => api.orders(customerId),
  });
}

export function useCancelOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.cancel(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["orders"] }),
    onError: (error) => Sentry.captureException(error),
  });
}

export function useOrderTotals(orders: Order[]) {
  return useMemo(() => {
    try {
      return orders.reduce((sum, o) => sum + o.total, 0);
    // hh-expect: swallowed-exception/catchReturnsDefault
    } catch {
      return 0;
    }
  }, [orders]);
}

export function useLiveOrder(id: string) {
  const [order, setOrder] = useState<Order | null>(null);
  const [failed, setFailed] = useState(false);
  const source = useRef<EventSource | null>(null);

  useEffect(() => {
    const es = new EventSource(`/api/orders/${id}/events`);
    source.current = es;
    es.onmessage = (ev) => {
      try {
        setOrder(JSON.parse(ev.data));
      } catch (err) {
        Sentry.captureException(err);
      }
    };
    es.onerror = () => {
      setFailed(true);
      es.close();
    };
    return () => es.close();
  }, [id]);

  return { order, failed };
}

export function usePrefetchOrders(ids: string[]) {
  const qc = useQueryClient();
  useEffect(() => {
    for (const id of ids) {
      // hh-expect: swallowed-exception/promiseCatchNoop
      qc.prefetchQuery({ queryKey: ["order", id], queryFn: () => api.order(id) }).catch(() => {});
    }
  }, [ids, qc]);
}

export async function downloadInvoice(id: string): Promise<void> {
  try {
    const blob = await api.invoice(id);
    const url = URL.createObjectURL(blob);
    window.open(url);
  // hh-expect: swallowed-exception/logAndContinue
  } catch (error) {
    console.error("invoice download failed", error);
  }
}

export function installGlobalHandlers(): void {
  window.addEventListener("unhandledrejection", (event) => {
    Sentry.captureException(event.reason);
  });
  // hh-expect: swallowed-exception/emptyErrorHandler
  window.addEventListener("error", () => {});
}
