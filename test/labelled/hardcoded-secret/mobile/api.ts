import axios from "axios";
import * as SecureStore from "expo-secure-store";

// hh-expect: hardcoded-secret/suspiciousName
const API_KEY = "a7ohgrACm2G4NqfqdycNzyTZoM8lml78";
const BASE_URL = "https://api.acme.io/mobile/v1";

export const api = axios.create({ baseURL: BASE_URL, headers: { "x-api-key": API_KEY } });

api.interceptors.request.use(async (config) => {
  const token = await SecureStore.getItemAsync("auth_token");
  if (token) config.headers.Authorization = `Bearer ${token}`;
  return config;
});

export async function saveToken(token: string): Promise<void> {
  await SecureStore.setItemAsync("auth_token", token);
}

export const ONESIGNAL_APP_ID = "5eb5a37e-b458-11e3-ac11-000c2940e62c";
// hh-expect: hardcoded-secret/suspiciousName
export const ONESIGNAL_REST_API_KEY = "EVTe6kNjr3IEkNdFNORA5iMWoYCB959n1maDrE5a";
