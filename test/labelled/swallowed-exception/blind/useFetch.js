import { useEffect, useState, useCallback } from 'react';
import axios from 'axios';

export function useFetch(url) {
  const [data, setData] = useState(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);

  useEffect(() => {
    let active = true;
    setLoading(true);
    axios
      .get(url)
      .then((res) => active && setData(res.data))
      .catch((err) => active && setError(err))
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [url]);

  return { data, loading, error };
}

export function useLocalStorage(key, initial) {
  const [value, setValue] = useState(() => {
    try {
      const item = window.localStorage.getItem(key);
      return item ? JSON.parse(item) : initial;
    // hh-expect: swallowed-exception/logAndContinue
    } catch (error) {
      console.log(error);
      return initial;
    }
  });

  const set = useCallback(
    (v) => {
      try {
        setValue(v);
        window.localStorage.setItem(key, JSON.stringify(v));
      // hh-expect: swallowed-exception/logAndContinue
      } catch (error) {
        console.log(error);
      }
    },
    [key],
  );

  return [value, set];
}

export async function fetchJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export async function fetchUserSafe(id) {
  try {
    return await fetchJson(`/api/users/${id}`);
  // hh-expect: swallowed-exception/emptyCatch
  } catch (e) {}
}

export function preloadImages(urls) {
  urls.forEach((url) => {
    const img = new Image();
    // hh-expect: swallowed-exception/emptyErrorHandler
    img.onerror = () => {};
    img.src = url;
  });
}

export async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (err) {
    console.error('Failed to copy: ', err);
    return false;
  }
}

export async function loadAll(urls) {
  // hh-expect: swallowed-exception/promiseCatchNoop
  const results = await Promise.all(urls.map((u) => fetchJson(u).catch(() => null)));
  return results.filter(Boolean);
}
