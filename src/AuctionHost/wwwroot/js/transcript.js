// The auction's transcript: fetched with the bearer token, shown as JSON, offered as a download, and its hash
// chain recomputed here (hash = SHA-256(previousHash + payload), the first previousHash 64 zeros).
import { t } from "./i18n.js";
import { $ } from "./page.js";
import { apiFetch, describeError } from "./session.js";

const GENESIS = "0".repeat(64);
let downloadUrl = null;

export async function loadTranscript(auctionId) {
  const status = $("#transcript-status");
  const pre = $("#transcript");
  const download = $("#transcript-download");
  status.textContent = t("transcript.loading");
  status.className = "hint";
  try {
    const transcript = await apiFetch(`api/auctions/${encodeURIComponent(auctionId)}/transcript`);
    const json = JSON.stringify(transcript, null, 2);
    pre.textContent = json;
    pre.hidden = false;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    download.href = downloadUrl;
    download.download = `transcript-${auctionId}.json`;
    download.hidden = false;
    const check = await verifyChain(transcript?.entries ?? []);
    status.textContent = check.text();
    status.className = check.ok === false ? "notice notice-error" : "hint";
  } catch (error) {
    status.textContent = t("transcript.error", { detail: describeError(error) });
    status.className = "notice notice-error";
  }
}

export async function verifyChain(entries) {
  if (!globalThis.crypto?.subtle) return { ok: null, text: () => t("transcript.noCrypto") };
  let previous = GENESIS;
  for (const entry of entries) {
    const expected = await sha256Hex(previous + entry.payload);
    if (entry.previousHash !== previous || entry.hash !== expected) {
      return { ok: false, text: () => t("transcript.broken", { sequence: entry.sequence }) };
    }
    previous = entry.hash;
  }
  return { ok: true, text: () => t("transcript.verified", { count: entries.length }) };
}

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
