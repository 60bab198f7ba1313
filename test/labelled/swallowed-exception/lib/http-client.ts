import axios, { AxiosError, type AxiosInstance } from "axios";
import { logger } from "./logger";
import { metrics } from "./metrics";

export class ApiError extends Error {
  constructor(message: string, readonly status: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class HttpClient {
  constructor(private readonly http: AxiosInstance) {}

  async getJson<T>(url: string): Promise<T> {
    try {
      const res = await this.http.get<T>(url);
      return res.data;
    } catch (err) {
      if (axios.isAxiosError(err) && err.response) {
        throw new ApiError(`GET ${url} answered ${err.response.status}`, err.response.status, { cause: err });
      }
      throw err;
    }
  }

  async getOptional<T>(url: string): Promise<T | null> {
    try {
      return (await this.http.get<T>(url)).data;
      // hh-expect: swallowed-exception/partialErrorCheck
    } catch (err) {
      if (axios.isAxiosError(err) && err.response?.status === 404) return null;
    }
    return null;
  }

  async post<T>(url: string, body: unknown): Promise<T | undefined> {
    try {
      return (await this.http.post<T>(url, body)).data;
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      logger.error({ err, url }, "POST failed");
      return undefined;
    }
  }

  async delete(url: string): Promise<void> {
    try {
      await this.http.delete(url);
    } catch (err) {
      metrics.increment("http.delete.failed");
      throw err;
    }
  }

  async head(url: string): Promise<boolean> {
    try {
      await this.http.head(url);
      return true;
    } catch {
      return false;
    }
  }

  async put(url: string, body: unknown): Promise<void> {
    try {
      await this.http.put(url, body);
      // hh-expect: swallowed-exception/rethrowWithoutCause
    } catch (err) {
      const status = (err as AxiosError).response?.status ?? 0;
      throw new ApiError(`PUT ${url} failed`, status);
    }
  }

  prefetch(urls: string[]): void {
    for (const url of urls) {
      // hh-expect: swallowed-exception/promiseCatchNoop
      this.http.get(url).catch(function () {});
    }
  }

  async retrying<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
    const errors: unknown[] = [];
    for (let i = 0; i < attempts; i++) {
      try {
        return await fn();
      } catch (err) {
        errors.push(err);
      }
    }
    throw new AggregateError(errors, `failed after ${attempts} attempts`);
  }

  async bestEffort(urls: string[]): Promise<void> {
    for (const url of urls) {
      try {
        await this.http.post(url, {});
        // hh-expect: swallowed-exception/partialErrorCheck
      } catch (err) {
        if (err instanceof AxiosError && err.code === "ECONNABORTED") {
          logger.warn({ url }, "timed out");
          continue;
        }
      }
    }
  }
}

export function tryParseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export function parseRetryAfter(header: string | undefined): number {
  if (!header) return 0;
  try {
    return Math.max(0, new Date(header).getTime() - Date.now());
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    return 0;
  }
}
