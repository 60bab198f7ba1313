import React from "react";
import ReactDOM from "react-dom/client";
import * as Sentry from "@sentry/react";
import mapboxgl from "mapbox-gl";
import algoliasearch from "algoliasearch/lite";

Sentry.init({ dsn: "https://4f1c2b7e9a0d4c3b@o482910.ingest.sentry.io/5537211", tracesSampleRate: 0.1 });
mapboxgl.accessToken = "pk.eyJ8bRRczyjrBr1dTFPswnfsPhm3ffhDNTBrTland3t.recAqQTKMHlbFxQDY1ngzz";
export const search = algoliasearch("LATENCY", "6be0576ff61c053d5f9a3225e2a90f76");

const API_URL = import.meta.env.VITE_API_URL as string;
// hh-expect: hardcoded-secret/suspiciousName
const API_SECRET = "rz5yrbKylxvBTH5CMjteVnHJBzHPTOyl";

export function App() {
  const [token, setToken] = React.useState<string | null>(null);
  React.useEffect(() => {
    fetch(`${API_URL}/session`, { headers: { "X-Client-Secret": API_SECRET } })
      .then((r) => r.json())
      .then((d: { token: string }) => setToken(d.token));
  }, []);
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      {token ? <p>Signed in</p> : <p>Loading…</p>}
    </main>
  );
}

// hh-expect: hardcoded-secret/providerKey
export const GOOGLE_MAPS_KEY = "AIza0WbE_tGzlMC7vmpenByfzsBwOqPxQh8WRPS";

ReactDOM.createRoot(document.getElementById("root")!).render(<App />);
