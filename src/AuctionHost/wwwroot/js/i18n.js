// Every visible string of the pages, Spanish first. Keys are stable; "{name}" is filled by t(key, {name}).
// A key with ".one"/".other" variants is chosen by the "count" parameter.

const dictionaries = {
  es: {
    "app.name": "CompraNet",
    "app.tagline": "Subastas inversas electrónicas",
    "app.skip": "Saltar al contenido",
    "app.noValue": "—",
    "lang.switch": "English",
    "lang.switchLabel": "Ver en inglés",
    "nav.auctions": "← Subastas",
    "nav.signOut": "Cerrar sesión",
    "nav.signedInAs": "{subject} · {role}",
    "role.supplier": "proveedor",
    "role.officer": "funcionario",
    "role.auditor": "auditor",
    "role.coordinator": "coordinador",

    "index.title": "Subastas — CompraNet",
    "login.heading": "Iniciar sesión",
    "login.username": "Usuario",
    "login.password": "Contraseña",
    "login.submit": "Entrar",
    "login.busy": "Entrando…",
    "login.failed": "Usuario o contraseña incorrectos.",
    "login.error": "No se pudo iniciar sesión: {detail}",
    "login.expired": "Tu sesión terminó. Inicia sesión de nuevo.",
    "login.demo": "Cuentas de demostración (solo en el modo de demostración): officer1, auditor1, coordinator1 y supplier1 … supplier5, todas con la contraseña «demo». supplier5 está sancionado.",
    "login.signedIn": "Sesión iniciada como {subject} ({role}).",
    "auctions.heading": "Subastas",
    "auctions.caption": "Subastas disponibles",
    "auctions.loading": "Cargando subastas…",
    "auctions.empty": "No hay subastas.",
    "auctions.signIn": "Inicia sesión para ver las subastas.",
    "auctions.error": "No se pudo cargar la lista de subastas: {detail}",
    "auctions.refresh": "Actualizar",
    "auctions.bid": "Pujar",
    "auctions.monitor": "Monitorear",
    "auctions.bidLabel": "Pujar en {title}",
    "auctions.monitorLabel": "Monitorear {title}",

    "col.title": "Subasta",
    "col.procedure": "Procedimiento",
    "col.status": "Estado",
    "col.startsAt": "Inicio",
    "col.endsAt": "Cierre",
    "col.currency": "Moneda",
    "col.action": "Acción",
    "col.rank": "Lugar",
    "col.bidder": "Postor",
    "col.supplier": "Proveedor",
    "col.amount": "Monto",
    "col.score": "Puntuación",
    "col.coefficient": "Coeficiente",
    "col.at": "Hora",
    "col.sequence": "Secuencia",

    "status.scheduled": "Programada",
    "status.open": "Abierta",
    "status.paused": "En pausa",
    "status.closed": "Cerrada",
    "status.cancelled": "Cancelada",

    "conn.label": "Conexión",
    "conn.connecting": "conectando",
    "conn.connected": "conectado",
    "conn.reconnecting": "reconectando",
    "conn.disconnected": "desconectado",

    "auction.loading": "Conectando con la subasta…",
    "auction.missingId": "Falta el identificador de la subasta en la dirección (?auction=ID).",
    "auction.joinFailed": "No se pudo entrar a la subasta: {detail}",
    "auction.sessionExpired": "Tu sesión terminó.",
    "auction.signInAgain": "Iniciar sesión de nuevo",
    "auction.bidderOnly": "Esta página es para proveedores; tu cuenta es de {role}.",
    "auction.officerOnly": "Esta página es para funcionarios, auditores y coordinadores; tu cuenta es de {role}.",
    "auction.goMonitor": "Ir al monitor de la subasta",
    "auction.goBidder": "Ir a la página de pujas",
    "auction.procedure": "Procedimiento {procedureId}",
    "auction.rules": "Condiciones",
    "auction.closedNotice": "La subasta cerró.",
    "auction.cancelledNotice": "La subasta fue cancelada.",
    "auction.pausedNotice": "La subasta está en pausa; el cierre se recorre por el tiempo de la pausa.",
    "auction.scheduledNotice": "La subasta aún no empieza.",
    "auction.closing": "cerrando…",

    "field.status": "Estado",
    "field.countdown.open": "Cierra en",
    "field.countdown.scheduled": "Abre en",
    "field.countdown.paused": "En pausa",
    "field.countdown.closed": "Cerrada",
    "field.countdown.cancelled": "Cancelada",
    "field.startsAt": "Inicio",
    "field.endsAt": "Cierre",
    "field.extensions": "Prórrogas",
    "field.ceiling": "Precio máximo de referencia",
    "field.minStep": "Decremento mínimo",
    "field.maxStep": "Protección contra errores",
    "field.feedback": "Información durante la subasta",
    "field.bidders": "Postores invitados",
    "field.currency": "Moneda",
    "field.serverTime": "Hora del servidor",
    "field.tieRule": "Empates",
    "field.softClose": "Cierre dinámico",
    "tieRule.earlier-wins": "gana la puja aceptada primero",
    "tieRule.must-beat": "hay que mejorar la mejor oferta; empatarla no basta",
    "softClose.leader": "una puja que mejora el primer lugar en los últimos {window} s mueve el cierre a {extend} s después (hasta {max} prórrogas)",
    "softClose.rank": "una puja que cambia el lugar de un postor en los últimos {window} s mueve el cierre a {extend} s después (hasta {max} prórrogas)",
    "softClose.none": "sin prórrogas",
    "officer.refusals": "Pujas rechazadas",
    "officer.noRefusals": "ninguna",
    "refusalShort.not-open": "subasta no abierta",
    "refusalShort.closed": "después del cierre",
    "refusalShort.not-eligible": "no elegible",
    "refusalShort.sanctioned": "proveedor sancionado",
    "refusalShort.not-positive": "monto no positivo",
    "refusalShort.above-ceiling": "sobre el precio máximo",
    "refusalShort.step-too-small": "decremento insuficiente",
    "refusalShort.step-too-large": "baja excesiva sin confirmar",
    "refusalShort.tie-not-allowed": "empate no permitido",
    "refusalShort.not-your-turn": "fuera de turno",
    "refusalShort.rate-limited": "límite de frecuencia",
    "refusalShort.invalid": "inválida",
    "refusalShort.unavailable": "no registrada (servicio no disponible)",
    "bidder.notInvited": "No estás invitado a esta subasta: ves solo la información pública.",

    "minStep.amount.own": "{value} por debajo de la puja anterior del mismo postor",
    "minStep.amount.leader": "{value} por debajo de la mejor oferta",
    "minStep.percent.own": "{value} % por debajo de la puja anterior del mismo postor",
    "minStep.percent.leader": "{value} % por debajo de la mejor oferta",
    "maxStep.value": "se pide confirmar una baja de más de {value} %",
    "maxStep.none": "sin límite",
    "feedback.rank": "Solo la posición propia",
    "feedback.lead": "Indicador de primer lugar",
    "feedback.lead-rank": "Primer lugar y posición propia",
    "feedback.best-price": "Mejor precio",
    "feedback.ladder": "Tabla completa anonimizada",

    "bidder.title": "Pujar — CompraNet",
    "bidder.standing": "Mi situación",
    "bidder.myBest": "Mi mejor oferta",
    "bidder.noBid": "Sin oferta",
    "bidder.myRank": "Mi lugar",
    "bidder.rankOf": "de {count}",
    "bidder.leading": "Liderazgo",
    "bidder.leading.leading": "Vas en primer lugar",
    "bidder.leading.tied": "Empatas el primer lugar",
    "bidder.leading.not-leading": "No vas en primer lugar",
    "bidder.bestPrice": "Mejor precio actual",
    "bidder.myLabel": "Tu etiqueta anónima",
    "bidder.myScore": "Mi puntuación ponderada",
    "bidder.myCoefficient": "Mi coeficiente",
    "bidder.ladder": "Tabla de posiciones (anónima)",
    "bidder.you": "(tú)",

    "bid.heading": "Nueva puja",
    "bid.amount": "Monto ({currency})",
    "bid.amountHelp": "Ejemplo: 950000.50 o 950,000.50 (hasta dos decimales).",
    "bid.placeholder": "950,000.50",
    "bid.preview": "Se enviará: {amount}",
    "bid.invalidAmount": "Escribe un monto válido con hasta dos decimales, por ejemplo 950,000.50.",
    "bid.submit": "Enviar puja",
    "bid.sending": "Enviando puja de {amount}…",
    "bid.accepted": "Puja aceptada: {amount}.",
    "bid.acceptedRank": "Puja aceptada: {amount}. Tu lugar: {rank}.",
    "bid.pending": "Se perdió la conexión: la puja de {amount} se reenviará al reconectar.",
    "bid.cancelPending": "No reenviar",
    "bid.pendingCancelled": "La puja de {amount} no se reenviará.",
    "bid.retry": "Reintentar",
    "bid.error": "No se pudo enviar la puja: {detail}",
    "bid.disabledClosed": "La subasta ya no recibe pujas.",

    "refusal.not-open": "Puja rechazada: la subasta no está abierta (aún no empieza o está en pausa).",
    "refusal.closed": "Puja rechazada: la subasta ya cerró.",
    "refusal.not-eligible": "Puja rechazada: no estás invitado a esta subasta o tu cuenta no es de proveedor.",
    "refusal.sanctioned": "Puja rechazada: tu empresa está sancionada (inhabilitada) y no puede pujar.",
    "refusal.not-positive": "Puja rechazada: el monto debe ser mayor que cero.",
    "refusal.above-ceiling": "Puja rechazada: el monto supera el precio máximo de referencia ({ceiling}).",
    "refusal.step-too-small": "Puja rechazada: la baja es menor que el decremento mínimo ({step}), o el monto no mejora tu oferta.",
    "refusal.step-too-large": "Puja no enviada: la baja es mayor que la permitida sin confirmación.",
    "refusal.tie-not-allowed": "Puja rechazada: ese monto solo empata la mejor oferta y esta subasta exige mejorarla.",
    "refusal.not-your-turn": "Puja rechazada: no es tu turno.",
    "refusal.rate-limited": "Puja rechazada: demasiadas pujas seguidas. Espera un momento y vuelve a intentarlo.",
    "refusal.invalid": "Puja rechazada: monto o identificador no válido.",
    "refusal.unavailable": "La puja no pudo registrarse de forma segura (servicio no disponible por el momento). Vuelve a intentarlo.",
    "refusal.unknown": "Puja rechazada ({code}): {message}",

    "confirm.heading": "Confirmar puja",
    "confirm.body": "Tu puja de {amount} baja el precio más de {percent} % de una vez.",
    "confirm.bodyNoPercent": "Tu puja de {amount} baja el precio mucho más de lo habitual.",
    "confirm.question": "¿Es correcto el monto?",
    "confirm.yes": "Sí, enviar puja",
    "confirm.no": "No, corregir",

    "results.heading": "Resultado final",
    "results.caption": "Resultado final de la subasta",

    "officer.title": "Monitor — CompraNet",
    "officer.summary": "Resumen",
    "officer.bidCount": "Pujas aceptadas",
    "officer.ladder": "Tabla de posiciones en vivo",
    "officer.ladderEmpty": "Aún no hay ofertas.",
    "officer.chart": "Pujas en el tiempo",
    "officer.chartLabel": "Gráfica de montos ofertados por proveedor en el tiempo",
    "officer.chartEmpty": "Aún no hay pujas que graficar.",
    "officer.chartUnavailable": "La gráfica no está disponible.",
    "officer.log": "Bitácora de eventos",
    "officer.initialOffer": "oferta inicial",

    "log.joined": "Monitoreo iniciado: {status}, cierre a las {time}",
    "log.extended": "Prórroga: cierre movido a {time}",
    "log.endsAtMoved": "Cierre movido a {time}",
    "log.status.scheduled": "Subasta programada",
    "log.status.open": "Subasta abierta",
    "log.status.resumed": "Subasta reanudada",
    "log.status.paused": "Subasta en pausa",
    "log.status.closed": "Subasta cerrada",
    "log.status.cancelled": "Subasta cancelada",
    "log.bid": "Puja de {supplier}: {amount}",
    "log.connectionLost": "Se perdió la conexión; reconectando…",
    "log.connectionBack": "Conexión restablecida",

    "transcript.heading": "Transcripción",
    "transcript.show": "Ver transcripción (JSON)",
    "transcript.download": "Descargar JSON",
    "transcript.loading": "Cargando transcripción…",
    "transcript.error": "No se pudo obtener la transcripción: {detail}",
    "transcript.verified": "Cadena de hashes verificada: {count} entradas íntegras.",
    "transcript.broken": "La cadena de hashes NO cuadra en la entrada {sequence}.",
    "transcript.noCrypto": "Este navegador no puede verificar la cadena de hashes aquí (requiere un contexto seguro).",

    "error.network": "sin conexión con el servidor",
    "error.unauthorized": "la sesión no es válida",
    "error.forbidden": "no tienes permiso",
    "error.notFound": "no existe",
    "error.http": "error {status}",

    "duration.days.one": "{count} día",
    "duration.days.other": "{count} días",
    "title.countdown": "{time} · {title}",
    "title.status": "{status} · {title}",
    "noscript": "Esta página necesita JavaScript.",
  },
  en: {
    "app.name": "CompraNet",
    "app.tagline": "Electronic reverse auctions",
    "app.skip": "Skip to content",
    "app.noValue": "—",
    "lang.switch": "Español",
    "lang.switchLabel": "View in Spanish",
    "nav.auctions": "← Auctions",
    "nav.signOut": "Sign out",
    "nav.signedInAs": "{subject} · {role}",
    "role.supplier": "supplier",
    "role.officer": "officer",
    "role.auditor": "auditor",
    "role.coordinator": "coordinator",

    "index.title": "Auctions — CompraNet",
    "login.heading": "Sign in",
    "login.username": "Username",
    "login.password": "Password",
    "login.submit": "Sign in",
    "login.busy": "Signing in…",
    "login.failed": "Wrong username or password.",
    "login.error": "Could not sign in: {detail}",
    "login.expired": "Your session ended. Please sign in again.",
    "login.demo": "Demo accounts (demo mode only): officer1, auditor1, coordinator1 and supplier1 … supplier5, all with the password “demo”. supplier5 is sanctioned.",
    "login.signedIn": "Signed in as {subject} ({role}).",
    "auctions.heading": "Auctions",
    "auctions.caption": "Available auctions",
    "auctions.loading": "Loading auctions…",
    "auctions.empty": "No auctions.",
    "auctions.signIn": "Sign in to see the auctions.",
    "auctions.error": "Could not load the auctions: {detail}",
    "auctions.refresh": "Refresh",
    "auctions.bid": "Bid",
    "auctions.monitor": "Monitor",
    "auctions.bidLabel": "Bid in {title}",
    "auctions.monitorLabel": "Monitor {title}",

    "col.title": "Auction",
    "col.procedure": "Procedure",
    "col.status": "Status",
    "col.startsAt": "Starts",
    "col.endsAt": "Ends",
    "col.currency": "Currency",
    "col.action": "Action",
    "col.rank": "Rank",
    "col.bidder": "Bidder",
    "col.supplier": "Supplier",
    "col.amount": "Amount",
    "col.score": "Score",
    "col.coefficient": "Coefficient",
    "col.at": "Time",
    "col.sequence": "Sequence",

    "status.scheduled": "Scheduled",
    "status.open": "Open",
    "status.paused": "Paused",
    "status.closed": "Closed",
    "status.cancelled": "Cancelled",

    "conn.label": "Connection",
    "conn.connecting": "connecting",
    "conn.connected": "connected",
    "conn.reconnecting": "reconnecting",
    "conn.disconnected": "disconnected",

    "auction.loading": "Connecting to the auction…",
    "auction.missingId": "The address lacks the auction id (?auction=ID).",
    "auction.joinFailed": "Could not join the auction: {detail}",
    "auction.sessionExpired": "Your session ended.",
    "auction.signInAgain": "Sign in again",
    "auction.bidderOnly": "This page is for suppliers; your account is a {role} account.",
    "auction.officerOnly": "This page is for officers, auditors and coordinators; your account is a {role} account.",
    "auction.goMonitor": "Go to the auction monitor",
    "auction.goBidder": "Go to the bidding page",
    "auction.procedure": "Procedure {procedureId}",
    "auction.rules": "Terms",
    "auction.closedNotice": "The auction has closed.",
    "auction.cancelledNotice": "The auction was cancelled.",
    "auction.pausedNotice": "The auction is paused; the close moves by the length of the pause.",
    "auction.scheduledNotice": "The auction has not started yet.",
    "auction.closing": "closing…",

    "field.status": "Status",
    "field.countdown.open": "Closes in",
    "field.countdown.scheduled": "Opens in",
    "field.countdown.paused": "Paused",
    "field.countdown.closed": "Closed",
    "field.countdown.cancelled": "Cancelled",
    "field.startsAt": "Start",
    "field.endsAt": "Close",
    "field.extensions": "Extensions",
    "field.ceiling": "Ceiling price",
    "field.minStep": "Minimum step",
    "field.maxStep": "Fat-finger guard",
    "field.feedback": "Feedback during the auction",
    "field.bidders": "Invited bidders",
    "field.currency": "Currency",
    "field.serverTime": "Server time",
    "field.tieRule": "Ties",
    "field.softClose": "Soft close",
    "tieRule.earlier-wins": "the earlier accepted bid wins",
    "tieRule.must-beat": "the leading bid must be beaten; tying it is not enough",
    "softClose.leader": "a bid that improves the lead in the last {window} s moves the close to {extend} s later (up to {max} extensions)",
    "softClose.rank": "a bid that changes a bidder's rank in the last {window} s moves the close to {extend} s later (up to {max} extensions)",
    "softClose.none": "no extensions",
    "officer.refusals": "Refused bids",
    "officer.noRefusals": "none",
    "refusalShort.not-open": "auction not open",
    "refusalShort.closed": "after the close",
    "refusalShort.not-eligible": "not eligible",
    "refusalShort.sanctioned": "sanctioned supplier",
    "refusalShort.not-positive": "amount not positive",
    "refusalShort.above-ceiling": "above the ceiling",
    "refusalShort.step-too-small": "step too small",
    "refusalShort.step-too-large": "unconfirmed large drop",
    "refusalShort.tie-not-allowed": "tie not allowed",
    "refusalShort.not-your-turn": "not their turn",
    "refusalShort.rate-limited": "rate limited",
    "refusalShort.invalid": "invalid",
    "refusalShort.unavailable": "not recorded (service unavailable)",
    "bidder.notInvited": "You are not invited to this auction: you see the public information only.",

    "minStep.amount.own": "{value} below the same bidder's previous bid",
    "minStep.amount.leader": "{value} below the leading bid",
    "minStep.percent.own": "{value}% below the same bidder's previous bid",
    "minStep.percent.leader": "{value}% below the leading bid",
    "maxStep.value": "a drop of more than {value}% needs confirmation",
    "maxStep.none": "no limit",
    "feedback.rank": "Own rank only",
    "feedback.lead": "Lead indicator",
    "feedback.lead-rank": "Lead indicator and own rank",
    "feedback.best-price": "Best price",
    "feedback.ladder": "Full anonymised ladder",

    "bidder.title": "Bid — CompraNet",
    "bidder.standing": "My standing",
    "bidder.myBest": "My best bid",
    "bidder.noBid": "No bid yet",
    "bidder.myRank": "My rank",
    "bidder.rankOf": "of {count}",
    "bidder.leading": "Lead",
    "bidder.leading.leading": "You are leading",
    "bidder.leading.tied": "You are tied for the lead",
    "bidder.leading.not-leading": "You are not leading",
    "bidder.bestPrice": "Current best price",
    "bidder.myLabel": "Your anonymous label",
    "bidder.myScore": "My weighted score",
    "bidder.myCoefficient": "My coefficient",
    "bidder.ladder": "Ladder (anonymised)",
    "bidder.you": "(you)",

    "bid.heading": "New bid",
    "bid.amount": "Amount ({currency})",
    "bid.amountHelp": "For example 950000.50 or 950,000.50 (up to two decimals).",
    "bid.placeholder": "950,000.50",
    "bid.preview": "Will be sent: {amount}",
    "bid.invalidAmount": "Enter a valid amount with up to two decimals, for example 950,000.50.",
    "bid.submit": "Place bid",
    "bid.sending": "Sending bid of {amount}…",
    "bid.accepted": "Bid accepted: {amount}.",
    "bid.acceptedRank": "Bid accepted: {amount}. Your rank: {rank}.",
    "bid.pending": "Connection lost: the bid of {amount} will be re-sent when the connection is back.",
    "bid.cancelPending": "Do not re-send",
    "bid.pendingCancelled": "The bid of {amount} will not be re-sent.",
    "bid.retry": "Retry",
    "bid.error": "Could not send the bid: {detail}",
    "bid.disabledClosed": "The auction no longer takes bids.",

    "refusal.not-open": "Bid refused: the auction is not open (it has not started or is paused).",
    "refusal.closed": "Bid refused: the auction has closed.",
    "refusal.not-eligible": "Bid refused: you are not invited to this auction, or your account is not a supplier's.",
    "refusal.sanctioned": "Bid refused: your company is sanctioned (debarred) and cannot bid.",
    "refusal.not-positive": "Bid refused: the amount must be greater than zero.",
    "refusal.above-ceiling": "Bid refused: the amount is above the ceiling price ({ceiling}).",
    "refusal.step-too-small": "Bid refused: the drop is smaller than the minimum step ({step}), or the amount does not improve your bid.",
    "refusal.step-too-large": "Bid not sent: the drop is larger than allowed without confirmation.",
    "refusal.tie-not-allowed": "Bid refused: that amount only ties the leading bid, and this auction requires beating it.",
    "refusal.not-your-turn": "Bid refused: it is not your turn.",
    "refusal.rate-limited": "Bid refused: too many bids in a row. Wait a moment and try again.",
    "refusal.invalid": "Bid refused: invalid amount or bid id.",
    "refusal.unavailable": "The bid could not be recorded durably (the service is unavailable for the moment). Please retry.",
    "refusal.unknown": "Bid refused ({code}): {message}",

    "confirm.heading": "Confirm bid",
    "confirm.body": "Your bid of {amount} lowers the price by more than {percent}% at once.",
    "confirm.bodyNoPercent": "Your bid of {amount} lowers the price much more than usual.",
    "confirm.question": "Is the amount right?",
    "confirm.yes": "Yes, place bid",
    "confirm.no": "No, correct it",

    "results.heading": "Final ranking",
    "results.caption": "Final ranking of the auction",

    "officer.title": "Monitor — CompraNet",
    "officer.summary": "Summary",
    "officer.bidCount": "Accepted bids",
    "officer.ladder": "Live ladder",
    "officer.ladderEmpty": "No offers yet.",
    "officer.chart": "Bids over time",
    "officer.chartLabel": "Chart of the amounts bid by each supplier over time",
    "officer.chartEmpty": "No bids to chart yet.",
    "officer.chartUnavailable": "The chart is unavailable.",
    "officer.log": "Event log",
    "officer.initialOffer": "initial offer",

    "log.joined": "Monitoring started: {status}, closing at {time}",
    "log.extended": "Extension: close moved to {time}",
    "log.endsAtMoved": "Close moved to {time}",
    "log.status.scheduled": "Auction scheduled",
    "log.status.open": "Auction opened",
    "log.status.resumed": "Auction resumed",
    "log.status.paused": "Auction paused",
    "log.status.closed": "Auction closed",
    "log.status.cancelled": "Auction cancelled",
    "log.bid": "Bid from {supplier}: {amount}",
    "log.connectionLost": "Connection lost; reconnecting…",
    "log.connectionBack": "Connection restored",

    "transcript.heading": "Transcript",
    "transcript.show": "Show transcript (JSON)",
    "transcript.download": "Download JSON",
    "transcript.loading": "Loading the transcript…",
    "transcript.error": "Could not get the transcript: {detail}",
    "transcript.verified": "Hash chain verified: {count} entries intact.",
    "transcript.broken": "The hash chain does NOT match at entry {sequence}.",
    "transcript.noCrypto": "This browser cannot verify the hash chain here (it needs a secure context).",

    "error.network": "no connection to the server",
    "error.unauthorized": "the session is not valid",
    "error.forbidden": "you are not allowed",
    "error.notFound": "not found",
    "error.http": "error {status}",

    "duration.days.one": "{count} day",
    "duration.days.other": "{count} days",
    "title.countdown": "{time} · {title}",
    "title.status": "{status} · {title}",
    "noscript": "This page needs JavaScript.",
  },
};

const STORAGE_KEY = "compranet.lang";
const LOCALES = { es: "es-MX", en: "en-US" };
const listeners = new Set();

let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && stored in dictionaries) return stored;
  } catch {
    // Storage may be blocked (private mode); Spanish is the default.
  }
  return "es";
}

export function lang() {
  return current;
}

export function locale() {
  return LOCALES[current];
}

export function has(key) {
  return key in dictionaries[current] || key in dictionaries.es;
}

export function t(key, params = {}) {
  const dict = dictionaries[current];
  let resolved = key;
  if (typeof params.count === "number" && !(key in dict)) {
    resolved = `${key}.${new Intl.PluralRules(locale()).select(params.count)}`;
    if (!(resolved in dict)) resolved = `${key}.other`;
  }
  const template = dict[resolved] ?? dictionaries.es[resolved] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export function setLang(next) {
  if (!(next in dictionaries) || next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered; the page still switches.
  }
  translatePage();
  for (const listener of listeners) listener(current);
}

export function onLangChange(listener) {
  listeners.add(listener);
}

// Fills every element marked data-i18n (text) or data-i18n-attr ("attr:key;attr:key") and sets <html lang>.
export function translatePage(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
