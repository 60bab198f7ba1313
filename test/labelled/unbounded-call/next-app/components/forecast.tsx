"use client";
import { useEffect, useState } from "react";

export function Forecast({ stations, alerts }: { stations: unknown[]; alerts: unknown[] }) {
  const [live, setLive] = useState<unknown>(null);
  useEffect(() => {
    fetch("https://live.example.com/now").then((r) => r.json()).then(setLive);
  }, []);
  async function refresh() {
    const r = await fetch("https://live.example.com/now");
    setLive(await r.json());
  }
  return <div onClick={refresh}>{JSON.stringify({ stations, alerts, live })}</div>;
}
