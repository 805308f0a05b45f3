/**
 * Addresses as Kafka files write them, normalized so that a client's `bootstrap.servers` can be compared
 * with a broker's `listeners` / `advertised.listeners` and with the service names other readers report.
 */

/** Hosts that mean "every interface": a listener bound to them says nothing about the name clients use. */
const WILDCARD_HOSTS: ReadonlySet<string> = new Set(['', '0.0.0.0', '::', '[::]']);

/** Hosts that name the machine itself: the same text in two folders may well be two different clusters. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * One address, normalized for comparison: `host:port` with the host lower-cased and any `NAME://` listener
 * or protocol prefix removed. Undefined when it cannot be compared: a placeholder (`${BOOTSTRAP}`), a
 * wildcard host (`:9092`, `0.0.0.0:9092`) or no port.
 */
export function normalizeAddress(raw: string): string | undefined {
  let text = raw.trim();
  if (text.length === 0 || text.includes('${') || text.includes('{{')) return undefined;
  const scheme = text.indexOf('://');
  if (scheme >= 0) text = text.slice(scheme + 3);
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  const host = text.slice(0, colon).toLowerCase();
  const port = text.slice(colon + 1);
  if (!/^\d{1,5}$/.test(port) || WILDCARD_HOSTS.has(host) || /[\s/]/.test(host)) return undefined;
  return `${host}:${Number(port)}`;
}

/** True when a normalized address names the local machine (`localhost:9092`). */
export function isLoopback(address: string): boolean {
  return LOOPBACK_HOSTS.has(address.slice(0, address.lastIndexOf(':')));
}

/** The comparable addresses of a `bootstrap.servers` value (comma-separated `host:port` list). */
export function bootstrapAddresses(value: string): string[] {
  return unique(value.split(',').map(normalizeAddress));
}

/**
 * The comparable addresses of a `listeners` / `advertised.listeners` value (`NAME://host:port,…`), leaving
 * out the listeners named in `controllerNames` (clients never connect to a KRaft controller listener).
 */
export function listenerAddresses(value: string, controllerNames: ReadonlySet<string> = new Set()): string[] {
  const kept = value.split(',').filter((l) => {
    const scheme = l.indexOf('://');
    return scheme < 0 || !controllerNames.has(l.slice(0, scheme).trim().toUpperCase());
  });
  return unique(kept.map(normalizeAddress));
}

/** The listener names of a `controller.listener.names` value, upper-cased as Kafka compares them. */
export function listenerNames(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((n) => n.trim().toUpperCase()).filter((n) => n.length > 0));
}

function unique(addresses: readonly (string | undefined)[]): string[] {
  return [...new Set(addresses.filter((a): a is string => a !== undefined))];
}
