// Parsing what people type and formatting what the server sends. Money arrives as JSON numbers with at most two
// decimals; it is only displayed here, never computed with.
import { locale, t } from "./i18n.js";

// "950000.50", "950,000.50", "$ 950,000.5", "950000": digits, optional thousands commas, up to two decimals.
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
const MAX_INTEGER_DIGITS = 13; // 13 + 2 decimals stay exact through a JSON number (15 significant digits).

export function parseAmount(text) {
  const cleaned = String(text ?? "")
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^(?:MX\$|US\$|\$)/i, "");
  const match = AMOUNT.exec(cleaned);
  if (!match) return null;
  const [integerPart, fraction = ""] = cleaned.replace(/,/g, "").split(".");
  const integer = integerPart.replace(/^0+(?=\d)/, "");
  if (integer.length > MAX_INTEGER_DIGITS) return null;
  const canonical = fraction ? `${integer}.${fraction.padEnd(2, "0")}` : integer;
  // The shortest decimal form of this double is the canonical text itself, so the JSON sent is exact.
  return { text: canonical, value: Number(canonical) };
}

const formatters = new Map();

function formatter(kind, options) {
  const key = `${locale()}|${kind}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = kind === "date" ? new Intl.DateTimeFormat(locale(), options) : new Intl.NumberFormat(locale(), options);
    formatters.set(key, f);
  }
  return f;
}

export function isPresent(value) {
  return value !== undefined && value !== null;
}

export function formatMoney(value, currency) {
  if (!isPresent(value)) return t("app.noValue");
  try {
    return formatter("number", { style: "currency", currency: currency || "MXN", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${formatter("number", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency ?? ""}`.trim();
  }
}

export function formatNumber(value, maximumFractionDigits = 2, minimumFractionDigits = 0) {
  if (!isPresent(value)) return t("app.noValue");
  return formatter("number", { minimumFractionDigits, maximumFractionDigits }).format(value);
}

export function formatScore(value) {
  return formatNumber(value, 2, 2);
}

export function formatCoefficient(value) {
  return formatNumber(value, 4, 2);
}

export function formatTime(iso) {
  const ms = typeof iso === "number" ? iso : Date.parse(iso);
  if (Number.isNaN(ms)) return t("app.noValue");
  return formatter("date", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(ms);
}

export function formatDateTime(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return t("app.noValue");
  return formatter("date", { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23" }).format(ms);
}

// 0:04:05 style countdown: hh:mm:ss, with days in front when needed.
export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const hms = [hours, minutes, seconds].map((n) => String(n).padStart(2, "0")).join(":");
  return days > 0 ? `${t("duration.days", { count: days })} ${hms}` : hms;
}

export function describeMinStep(minStep, currency) {
  if (!minStep) return t("app.noValue");
  const relative = minStep.relativeTo === "leader" ? "leader" : "own";
  if (minStep.kind === "percent") {
    return t(`minStep.percent.${relative}`, { value: formatNumber(minStep.value, 4) });
  }
  return t(`minStep.amount.${relative}`, { value: formatMoney(minStep.value, currency) });
}

export function describeMaxStep(maxStepPercent) {
  return isPresent(maxStepPercent) ? t("maxStep.value", { value: formatNumber(maxStepPercent, 4) }) : t("maxStep.none");
}

export function describeSoftClose(softClose) {
  if (!softClose) return t("softClose.none");
  const key = softClose.trigger === "rank" ? "softClose.rank" : "softClose.leader";
  return t(key, { window: softClose.windowSeconds, extend: softClose.extendSeconds, max: softClose.maxExtensions });
}
