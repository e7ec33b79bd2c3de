// The header every page shares: language toggle, who is signed in, sign out; and small DOM helpers.
import { lang, onLangChange, setLang, t, translatePage } from "./i18n.js";
import { clearSession, getSession } from "./session.js";

export function $(selector, root = document) {
  return root.querySelector(selector);
}

// Builds an element: el("td", { class: "num", dataset: { supplierId: "x" } }, "text", childNode).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function setText(selector, text) {
  const node = typeof selector === "string" ? $(selector) : selector;
  if (node && node.textContent !== text) node.textContent = text;
}

export function show(selector, visible) {
  const node = typeof selector === "string" ? $(selector) : selector;
  if (node) node.hidden = !visible;
}

// titleKey names the document title; render() redraws the page's dynamic parts when the language changes.
export function initPage({ titleKey, render }) {
  const applyTitle = () => {
    if (titleKey) document.title = t(titleKey);
  };
  translatePage();
  applyTitle();
  renderUser();

  $("#lang-toggle")?.addEventListener("click", () => setLang(lang() === "es" ? "en" : "es"));
  $("#sign-out")?.addEventListener("click", () => {
    clearSession();
    location.href = "index.html";
  });
  onLangChange(() => {
    applyTitle();
    renderUser();
    render?.();
  });
}

export function renderUser() {
  const session = getSession();
  const toggle = $("#lang-toggle");
  if (toggle) toggle.lang = lang() === "es" ? "en" : "es";
  setText("#user-info", session ? t("nav.signedInAs", { subject: session.subject, role: t(`role.${session.role}`) }) : "");
  show("#user-info", Boolean(session));
  show("#sign-out", Boolean(session));
}
