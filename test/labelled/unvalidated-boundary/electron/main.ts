import { app, BrowserWindow, dialog, ipcMain, shell } from "electron";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import Store from "electron-store";

const store = new Store();
const NOTES_DIR = path.join(app.getPath("userData"), "notes");
const SaveNote = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text: z.string().max(100_000) });

ipcMain.handle("notes:save", async (_event, payload) => {
  const note = SaveNote.parse(payload);
  await fs.writeFile(path.join(NOTES_DIR, `${note.id}.md`), note.text, "utf8");
});

// hh-expect: unvalidated-boundary/messagePayload
ipcMain.handle("notes:read", async (_event, id: string) => {
  return fs.readFile(path.join(NOTES_DIR, `${id}.md`), "utf8");
});

// hh-expect: unvalidated-boundary/messagePayload
ipcMain.on("settings:set", (_event, settings) => {
  store.set(settings.key, settings.value);
});

ipcMain.handle("dialog:open", async () => {
  const result = await dialog.showOpenDialog({ properties: ["openFile"] });
  return result.filePaths[0];
});

ipcMain.handle("link:open", async (_event, url: string) => {
  if (typeof url !== "string" || !/^https:\/\//.test(url)) return;
  await shell.openExternal(url);
});

app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { preload: path.join(__dirname, "preload.js"), contextIsolation: true } });
  win.loadFile("index.html");
});
