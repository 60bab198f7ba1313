import { Forecast } from "../../components/forecast";

async function getStations() {
  // hh-expect: unbounded-call/call
  const res = await fetch("https://stations.example.com/v2/list", { next: { revalidate: 3600 } });
  return res.json();
}

async function getAlerts() {
  const res = await fetch("https://alerts.example.com/v1/active", { signal: AbortSignal.timeout(4000) });
  return res.json();
}

export default async function Dashboard() {
  const [stations, alerts] = await Promise.all([getStations(), getAlerts()]);
  return <Forecast stations={stations} alerts={alerts} />;
}
