import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "../lib/api";
import { analytics } from "../lib/analytics";
import type { Project, User } from "../types";

export function Dashboard({ userId }: { userId: string }) {
  const [projects, setProjects] = useState<Project[]>([]);
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;
    async function load() {
      try {
        const data = await api.projects(userId);
        if (!cancelled) setProjects(data);
      } catch (err) {
        if (!cancelled) setError("Could not load projects");
      } finally {
        if (!cancelled) setLoading(false);
      }
    }
    void load();
    return () => {
      cancelled = true;
    };
  }, [userId]);

  useEffect(() => {
    // hh-expect: swallowed-exception/promiseCatchNoop
    api.user(userId).then(setUser).catch(() => {});
  }, [userId]);

  useEffect(() => {
    // hh-expect: swallowed-exception/promiseCatchLogOnly
    analytics.page("dashboard").catch(console.error);
  }, []);

  const rename = useCallback(async (id: string, name: string) => {
    try {
      await api.renameProject(id, name);
      setProjects((ps) => ps.map((p) => (p.id === id ? { ...p, name } : p)));
      toast.success("Renamed");
    } catch {
      toast.error("Rename failed");
    }
  }, []);

  const archive = useCallback(async (id: string) => {
    try {
      await api.archiveProject(id);
      setProjects((ps) => ps.filter((p) => p.id !== id));
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      console.error(err);
    }
  }, []);

  const star = async (id: string) => {
    try {
      await api.star(id);
    // hh-expect: swallowed-exception/emptyCatch
    } catch (e) {}
  };

  const exportCsv = async () => {
    try {
      const blob = await api.exportCsv(userId);
      window.open(URL.createObjectURL(blob));
    } catch (err) {
      setError(err instanceof Error ? err.message : "Export failed");
    }
  };

  const copyLink = async (id: string) => {
    try {
      await navigator.clipboard.writeText(`${location.origin}/p/${id}`);
      toast.success("Link copied");
    } catch {
      // Clipboard access is denied in some embedded browsers; the link stays visible instead.
    }
  };

  if (loading) return <p>Loading…</p>;
  if (error) return <p role="alert">{error}</p>;
  return (
    <section>
      <h1>{user?.name ?? "Projects"}</h1>
      <ul>
        {projects.map((p) => (
          <li key={p.id}>
            {p.name}
            <button onClick={() => void rename(p.id, p.name + " (copy)")}>Rename</button>
            <button onClick={() => void archive(p.id)}>Archive</button>
            <button onClick={() => void star(p.id)}>Star</button>
            <button onClick={() => void copyLink(p.id)}>Copy link</button>
          </li>
        ))}
      </ul>
      <button onClick={() => void exportCsv()}>Export</button>
    </section>
  );
}

export function readDraft(key: string): string {
  try {
    return localStorage.getItem(key) ?? "";
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    return "";
  }
}

export function useWebSocket(url: string, onMessage: (data: unknown) => void) {
  useEffect(() => {
    const ws = new WebSocket(url);
    ws.onmessage = (ev) => {
      try {
        onMessage(JSON.parse(ev.data));
      // hh-expect: swallowed-exception/logAndContinue
      } catch (err) {
        console.warn("bad message", err);
      }
    };
    // hh-expect: swallowed-exception/emptyErrorHandler
    ws.onerror = () => {};
    return () => ws.close();
  }, [url, onMessage]);
}
