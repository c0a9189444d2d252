/**
 * The check Worker: the check engine (check-engine.ts) off the page's thread, so a large or
 * hostile zone (a check of many seconds) never freezes the page.
 */
import { CheckEngine } from "./check-engine";
import type { CheckWorkerReply, CheckWorkerRequest } from "./check-protocol";

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

const engine = new CheckEngine(fetchJson, (message: CheckWorkerReply) => self.postMessage(message));

self.onmessage = (e: MessageEvent<CheckWorkerRequest>) => {
  void engine.handle(e.data);
};
