"use client";

import { useState } from "react";
import { loadStripe } from "@stripe/stripe-js";
import { initializeApp } from "firebase/app";

const stripePromise = loadStripe("pk_live_tc5D7uhcKzCVrvZhMZch6bzm");

// A Firebase web config's apiKey is public by design (Firebase docs): not a finding.
const firebaseConfig = {
  apiKey: "AIzaFKaRRYWwqDhgG09NAycZLy86Jgw7Gd33sX8",
  authDomain: "acme-shop.firebaseapp.com",
  projectId: "acme-shop",
  storageBucket: "acme-shop.appspot.com",
  messagingSenderId: "123456789012",
  appId: "1:123456789012:web:7d3f1a2b9c4e5f60718293",
  measurementId: "G-5HXK2P7QZR",
};
export const firebaseApp = initializeApp(firebaseConfig);

// hh-expect: hardcoded-secret/providerKey
const ADMIN_STRIPE_KEY = "sk_live_h3l5CRs4f129TxC19XJYb43U";

export function CheckoutForm({ priceId }: { priceId: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const stripe = await stripePromise;
    if (!stripe) return;
    const res = await fetch("/api/checkout", { method: "POST", body: JSON.stringify({ priceId, email }) });
    if (!res.ok) setError("Payment failed, please try again");
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} className="space-y-4 rounded-lg border p-6">
      <label htmlFor="email" className="block text-sm font-medium">Email</label>
      <input id="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="password" className="block text-sm font-medium">Password</label>
      <input id="password" type="password" autoComplete="new-password" placeholder="Choose a password" value={password} onChange={(e) => setPassword(e.target.value)} />
      {error && <p className="text-red-600">{error}</p>}
      <button type="submit" data-admin-key={ADMIN_STRIPE_KEY.length}>Pay</button>
    </form>
  );
}
