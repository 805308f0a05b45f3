import type { Role } from '../model';
import { SPRING_PROPERTIES, findSpringProperty } from '../catalog/spring';
import type { SpringProperty } from '../catalog/spring';
import { classifyStreamName } from './spring-cloud-stream';

/**
 * Spring Boot property names (`spring.kafka.*`) to Kafka keys, with Spring's relaxed binding and its value
 * conversions, shared by the `.properties` and the YAML reader.
 */

/**
 * Where an entry sits in Spring Boot's merge order. Boot builds a client's config as: common typed
 * properties (`spring.kafka.bootstrap-servers`), then the common map `spring.kafka.properties.*`, then the
 * client's typed properties (`spring.kafka.producer.acks`), then the client's map
 * `spring.kafka.producer.properties.*` — each `putAll` overriding the one before (KafkaProperties
 * `buildCommonProperties` followed by `Producer.buildProperties`). Groups list their entries in this order
 * so that the last entry for a key is the one Kafka sees. Spring Cloud Stream's Kafka binder adds tiers
 * around these (-1 below Boot, 4 and up above it: spring-cloud-stream.ts).
 */
export type SpringTier = number;

/** What a `spring.kafka.*` name means. */
export interface SpringKey {
  /** The Kafka key (`enable.auto.commit`), or the canonical kebab-case Spring name for Spring-only settings (`spring.kafka.listener.ack-mode`). */
  readonly key: string;
  /** Same for every relaxed spelling of one property (`enable-auto-commit`, `enableAutoCommit`, `enable_auto_commit`). */
  readonly identity: string;
  /** The client the name is written for; undefined for common settings (`spring.kafka.bootstrap-servers`, `spring.kafka.properties.*`). */
  readonly role?: Role;
  readonly tier: SpringTier;
  /** The typed property, when the name is one (undefined for pass-through map entries and unknown names). */
  readonly property?: SpringProperty;
  /** True for `*.properties.*` pass-through entries: the value goes to Kafka as written. */
  readonly passThrough: boolean;
  /** True for Spring Cloud Stream Kafka binder settings (`spring.cloud.stream.kafka.*`). */
  readonly binder?: boolean;
}

const SCOPE_ROLE: Readonly<Record<string, Role>> = {
  producer: 'producer',
  consumer: 'consumer',
  admin: 'admin',
  streams: 'streams',
  listener: 'consumer',
  template: 'producer',
};

/** Spring's uniform form of a name: lower case, dashes and underscores dropped (relaxed binding). */
export function uniformName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** `enableAutoCommit` / `enable_auto_commit` → `enable-auto-commit`, per dotted segment. */
export function kebabName(name: string): string {
  return name
    .split('.')
    .map((s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase())
    .join('.');
}

const PASS_THROUGH = /^spring\.kafka\.(?:(producer|consumer|admin|streams)\.)?properties(?:\.\[(.+)\]|\[(.+)\]|\.(.+))$/i;

/**
 * Classifies a property name as written (`spring.kafka.consumer.enableAutoCommit`,
 * `spring.kafka.producer.properties[enable.idempotence]`, `spring.cloud.stream.kafka.binder.configuration.acks`),
 * or undefined when it is neither under `spring.kafka.` nor a Kafka binder setting Kafka Lint reads.
 */
export function classifySpringName(name: string): SpringKey | undefined {
  if (/^spring\.cloud\.stream\.kafka\./i.test(name)) return classifyStreamName(name);
  if (!/^spring\.kafka\.[^.]/i.test(name)) return undefined;
  const map = PASS_THROUGH.exec(name);
  if (map) {
    const scope = map[1]?.toLowerCase();
    const key = map[2] ?? map[3] ?? map[4];
    const role = scope ? SCOPE_ROLE[scope] : undefined;
    return { key, identity: `spring.kafka.${scope ? `${scope}.` : ''}properties.${key}`, role, tier: scope ? 3 : 1, passThrough: true };
  }
  const property = findSpringProperty(name);
  const scope = /^spring\.kafka\.([^.[]+)\./i.exec(name)?.[1];
  const scopeRole = scope ? SCOPE_ROLE[uniformName(scope)] : undefined;
  if (property && !property.name.includes('.properties')) {
    const role = property.role ?? scopeRole;
    const key = property.kafkaKey ?? property.name;
    return { key, identity: property.name, role, tier: role ? 2 : 0, property, passThrough: false };
  }
  const canonical = kebabName(name);
  return { key: canonical, identity: canonical, role: scopeRole, tier: scopeRole ? 2 : 0, passThrough: false };
}

/** Spring's String-to-Boolean conversion (`yes`, `on`, `1` are true). */
function springBoolean(raw: string): string | undefined {
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === 'on' || v === 'yes' || v === '1') return 'true';
  if (v === 'false' || v === 'off' || v === 'no' || v === '0') return 'false';
  return undefined;
}

const DURATION_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };

/** Spring's Duration conversion to whole milliseconds (`5s`, `100ms`, `PT5S`, a bare number of ms), or undefined. */
export function springDurationMs(raw: string): string | undefined {
  const v = raw.trim();
  const simple = /^([+-]?\d+)([a-zA-Z]{0,2})$/.exec(v);
  if (simple) {
    const factor = simple[2] === '' ? 1 : DURATION_MS[simple[2].toLowerCase()];
    if (factor === undefined) return undefined;
    return String(Math.trunc(Number(simple[1]) * factor));
  }
  const iso = /^([+-]?)P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(v);
  if (iso && /\d/.test(v)) {
    const [, sign, d, h, m, s] = iso;
    const ms = (Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
    return String((sign === '-' ? -1 : 1) * Math.trunc(ms));
  }
  return undefined;
}

const DATA_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

/** Spring's DataSize conversion to bytes (`16KB`, `32MB`, a bare number of bytes), or undefined. */
export function springDataSizeBytes(raw: string): string | undefined {
  const m = /^([+-]?\d+)([a-zA-Z]{0,2})$/.exec(raw.trim());
  if (!m) return undefined;
  const factor = m[2] === '' ? 1 : DATA_UNITS[m[2].toLowerCase()];
  return factor === undefined ? undefined : String(Number(m[1]) * factor);
}

/** Typed properties whose Spring type is a Duration (Kafka gets milliseconds). */
const DURATION_KEYS: ReadonlySet<string> = new Set(['auto.commit.interval.ms', 'fetch.max.wait.ms', 'heartbeat.interval.ms', 'max.poll.interval.ms']);
/** Typed properties whose Spring type is a DataSize (Kafka gets bytes). */
const SIZE_KEYS: ReadonlySet<string> = new Set(['batch.size', 'buffer.memory', 'fetch.min.bytes']);

/** Spring's lenient enum matching: letters and digits only, lower case. */
function enumForm(v: string): string {
  return v.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The value Kafka (or the Spring container) receives for a typed property written as `raw`: booleans in
 * Spring's spellings become `true`/`false`, durations milliseconds, data sizes bytes, enums their canonical
 * spelling (`read-committed` → `read_committed`). Pass-through values go to Kafka unchanged. A value Spring
 * could not convert is kept as written (a rule can then report it).
 */
export function springValue(sk: SpringKey, raw: string): string {
  if (sk.passThrough) return raw;
  const key = sk.key;
  // The binder's `startOffset` is an enum (KafkaConsumerProperties.StartOffset: earliest, latest) it writes
  // as auto.offset.reset by name; its `requiredAcks` is a String passed on as written.
  if (sk.binder) {
    if (key !== 'auto.offset.reset') return raw;
    const e = enumForm(raw);
    return e === 'earliest' || e === 'latest' ? e : raw;
  }
  if (key === 'enable.auto.commit' || sk.property?.values?.join(',') === 'true,false' || sk.property?.values?.join(',') === 'false,true') {
    return springBoolean(raw) ?? raw;
  }
  if (DURATION_KEYS.has(key)) return springDurationMs(raw) ?? raw;
  if (SIZE_KEYS.has(key)) return springDataSizeBytes(raw) ?? raw;
  if (key === 'isolation.level') {
    const e = enumForm(raw);
    return e === 'readcommitted' ? 'read_committed' : e === 'readuncommitted' ? 'read_uncommitted' : raw;
  }
  const values = sk.property?.values;
  if (values && !sk.property?.kafkaKey) {
    const match = values.find((v) => enumForm(v) === enumForm(raw));
    if (match) return match;
  }
  return raw;
}

/**
 * The name to write for Kafka key `key` in the `role` client, relative to `spring.kafka.<scope>.`: the typed
 * property when Boot has one (`enable-auto-commit`), else the client's pass-through map (`properties.linger.ms`).
 * Undefined for roles Spring has no scope for.
 */
export function springNameFor(role: Role, key: string): { scope: string; path: string[] } | undefined {
  const scope = role === 'producer' || role === 'consumer' || role === 'admin' || role === 'streams' ? role : undefined;
  if (!scope) return undefined;
  const prefix = `spring.kafka.${scope}.`;
  const typed = SPRING_PROPERTIES.find((p) => p.kafkaKey === key && p.name.startsWith(prefix) && !p.name.slice(prefix.length).includes('.'));
  if (typed) return { scope, path: [typed.name.slice(prefix.length)] };
  return { scope, path: ['properties', key] };
}
