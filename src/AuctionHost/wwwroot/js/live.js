// One auction's live connection to /hubs/auctions: joins (again after every reconnect), keeps the latest view by
// sequence, and keeps the server's clock. Uses the SignalR browser client loaded as lib/signalr/signalr.min.js.
import { currentHost, hasOtherHosts, hostUrl, pickHost, refreshHosts } from "./hosts.js";
import { clearSession, getSession } from "./session.js";

const signalR = globalThis.signalR;

// Keep trying for as long as the page is open (a bidder must get back into a running auction), unless the
// session is over: then the connection closes and the page asks to sign in again. In a cluster, two failed
// reconnects to the same host end this connection, and the page carries on through another host that answers.
const HOSTS_REFRESH_MS = 30000;
const retryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) => {
    if (isUnauthorized(retryReason) || !getSession()) return null;
    if (retryReason && hasOtherHosts() && previousRetryCount >= 2) return null;
    return Math.min(10000, 500 * 2 ** Math.min(previousRetryCount, 5)) + Math.floor(Math.random() * 500);
  },
};

function isUnauthorized(error) {
  return error?.statusCode === 401 || /\b401\b|Unauthorized/.test(error?.message ?? "");
}

// Offset between the server's clock and ours, refreshed at every view: countdowns use server time only.
export class ServerClock {
  #offset = 0;

  update(serverTime) {
    const server = Date.parse(serverTime);
    if (!Number.isNaN(server)) this.#offset = server - Date.now();
  }

  now() {
    return Date.now() + this.#offset;
  }
}

export class AuctionLive {
  #connection = null;
  #stopped = false;
  #restartTimer = 0;
  #startAttempts = 0;
  #joinAttempts = 0;
  #joinTimer = 0;
  #hostsTimer = 0;
  #connectionHost = null;

  // handlers: onView(view, previous), onState(state), onJoinError(error), onJoined(view, rejoin), onSessionExpired()
  constructor(auctionId, handlers) {
    this.auctionId = auctionId;
    this.handlers = handlers;
    this.clock = new ServerClock();
    this.view = null;
    this.sequence = Number.NEGATIVE_INFINITY;
    this.state = "connecting";
    this.joined = false;
  }

  get available() {
    return Boolean(signalR);
  }

  get connected() {
    return this.#connection?.state === signalR.HubConnectionState.Connected;
  }

  start() {
    if (!signalR) {
      this.#setState("disconnected");
      this.handlers.onJoinError?.(new Error("SignalR client library not loaded"));
      return;
    }
    this.#hostsTimer = setInterval(() => refreshHosts(), HOSTS_REFRESH_MS);
    refreshHosts().finally(() => this.#connect());
  }

  // The host this page's connection goes through (its own origin unless it had to move).
  get host() {
    return this.#connectionHost ?? currentHost();
  }

  // One connection per host: moving to another host builds a new one with the same handlers.
  #build(host) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hostUrl("hubs/auctions"), {
        accessTokenFactory: () => getSession()?.accessToken ?? "",
        withCredentials: false, // tokens go in a header; other hosts accept this page's origin, never cookies
      })
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    const current = () => connection === this.#connection;
    // Handlers must return nothing: a returned value is sent back to the server as a client result.
    connection.on("AuctionUpdated", (view) => {
      if (current()) this.applyView(view);
    });
    connection.on("AuctionClosed", (view) => {
      if (current()) this.applyView(view);
    });
    connection.onreconnecting(() => {
      if (!current()) return;
      this.joined = false;
      this.#setState("reconnecting");
    });
    connection.onreconnected(() => {
      if (!current()) return;
      this.#setState("connected");
      this.#join(true);
    });
    connection.onclose((error) => {
      if (!current()) return;
      this.joined = false;
      this.#setState("disconnected");
      if (isUnauthorized(error)) clearSession();
      this.#scheduleRestart();
    });
    this.#connection = connection;
    this.#connectionHost = host;
  }

  stop() {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    clearInterval(this.#hostsTimer);
    this.#connection?.stop();
  }

  // Applies a view unless an older one (lower sequence) arrives after a newer one. Returns whether it was applied.
  applyView(view) {
    if (!view || typeof view !== "object") return false;
    if (view.auctionId && String(view.auctionId) !== String(this.auctionId)) return false;
    if (typeof view.sequence === "number" && view.sequence < this.sequence) return false;
    const previous = this.view;
    if (typeof view.sequence === "number") this.sequence = view.sequence;
    this.clock.update(view.serverTime);
    this.view = view;
    this.handlers.onView?.(view, previous);
    return true;
  }

  invoke(method, ...args) {
    if (!this.#connection) return Promise.reject(new Error("not connected"));
    return this.#connection.invoke(method, ...args);
  }

  async #connect() {
    if (this.#stopped) return;
    if (!getSession()) {
      this.#setState("disconnected");
      this.handlers.onSessionExpired?.();
      return;
    }
    this.#setState(this.#startAttempts === 0 && this.view === null ? "connecting" : "reconnecting");
    try {
      const host = await pickHost();
      if (this.#stopped) return;
      if (!this.#connection || host !== this.#connectionHost || this.#connection.state !== signalR.HubConnectionState.Disconnected) {
        const previous = this.#connection;
        this.#build(host);
        previous?.stop();
      }
      await this.#connection.start();
      this.#startAttempts = 0;
      this.#setState("connected");
      refreshHosts();
      await this.#join(this.view !== null);
    } catch (error) {
      this.#startAttempts += 1;
      if (isUnauthorized(error) || !getSession()) {
        clearSession();
        this.#setState("disconnected");
        this.handlers.onSessionExpired?.();
        return;
      }
      this.#setState("disconnected");
      this.#scheduleRestart();
    }
  }

  #scheduleRestart() {
    if (this.#stopped) return;
    if (!getSession()) {
      this.handlers.onSessionExpired?.();
      return;
    }
    clearTimeout(this.#restartTimer);
    const delay = retryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: this.#startAttempts });
    this.#restartTimer = setTimeout(() => this.#connect(), delay);
  }

  async #join(rejoin) {
    try {
      const view = await this.#connection.invoke("Join", this.auctionId);
      this.joined = true;
      this.#joinAttempts = 0;
      this.applyView(view);
      this.handlers.onJoined?.(this.view, rejoin);
    } catch (error) {
      // A dropped connection rejoins when it reconnects. A refused join is shown, and tried again now and then
      // (the auction may be activating after a restart); the message goes away once a join succeeds.
      if (!this.connected) return;
      this.handlers.onJoinError?.(error);
      this.#joinAttempts += 1;
      clearTimeout(this.#joinTimer);
      this.#joinTimer = setTimeout(() => {
        if (this.connected && !this.joined) this.#join(rejoin);
      }, Math.min(30000, 2000 * this.#joinAttempts));
    }
  }

  #setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.handlers.onState?.(state);
  }
}

// The text of a server-side hub error without SignalR's "An unexpected error occurred invoking…" preamble.
export function hubErrorText(error) {
  const message = error?.message ?? String(error);
  const marker = "HubException: ";
  const at = message.indexOf(marker);
  return at >= 0 ? message.slice(at + marker.length) : message;
}
