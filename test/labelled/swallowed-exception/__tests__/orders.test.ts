import { describe, it, expect, beforeEach } from "vitest";
import { createOrder, cancelOrder, OrderError } from "../lib/orders";
import { resetDb } from "./helpers";

describe("orders", () => {
  beforeEach(async () => {
    try {
      await resetDb();
    // hh-expect: swallowed-exception/emptyCatch
    } catch {}
  });

  it("rejects an empty cart", async () => {
    try {
      await createOrder({ items: [] });
      expect.fail("should have thrown");
    } catch (err) {
      expect(err).toBeInstanceOf(OrderError);
      expect((err as OrderError).code).toBe("EMPTY_CART");
    }
  });

  it("cannot cancel twice", async () => {
    const order = await createOrder({ items: [{ sku: "a", qty: 1 }] });
    await cancelOrder(order.id);
    let caught: unknown;
    try {
      await cancelOrder(order.id);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(OrderError);
  });

  it("rejects with a typed error", async () => {
    await expect(cancelOrder("missing")).rejects.toThrow(OrderError);
  });
});
