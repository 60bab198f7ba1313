import axios from "axios";
import axiosRetry from "axios-retry";

export const api = axios.create({ baseURL: import.meta.env.VITE_API_URL });

// hh-expect: unbounded-call/retry
axiosRetry(api, { retries: 3 });

export const search = axios.create({ baseURL: import.meta.env.VITE_SEARCH_URL });
axiosRetry(search, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

export async function cart() {
  const { data } = await axios.get(`${import.meta.env.VITE_API_URL}/cart`);
  return data;
}

export async function checkout(body: object) {
  const res = await fetch(`${import.meta.env.VITE_API_URL}/checkout`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function waitForPayment(id: string) {
  // hh-expect: unbounded-call/retry
  for (let i = 0; i < 20; i++) {
    const { data } = await api.get(`/payments/${id}`);
    if (data.status === "succeeded") return data;
  }
  throw new Error("payment not confirmed");
}

export async function waitForShipment(id: string) {
  for (let i = 0; i < 20; i++) {
    const { data } = await api.get(`/shipments/${id}`);
    if (data.status === "shipped") return data;
    await new Promise((r) => setTimeout(r, 1000 * (i + 1)));
  }
  throw new Error("not shipped yet");
}
