import type { Range, Role } from '../model';
import type { SpringKey } from './spring-keys';

/**
 * Spring Cloud Stream's Kafka binder settings (`spring.cloud.stream.kafka.*`) that reach the Kafka clients,
 * as the binder builds them (spring-cloud-stream binders/kafka-binder, `utils/BindingUtils.java`
 * `createProducerConfigs` / `createConsumerConfigs` and `properties/KafkaBinderConfigurationProperties.java`
 * `mergedProducerConfiguration` / `mergedConsumerConfiguration`). Each client's config is, from weakest to
 * strongest: the binder's own `acks = requiredAcks`; Boot's `spring.kafka.*` (tiers 0–3); the binder's
 * `configuration` map (only the keys the client knows); its `producer-properties` / `consumer-properties`;
 * the binding's `configuration` map (`spring.cloud.stream.kafka.default.*` merged under the binding's own);
 * and for a consumer the binding's `startOffset`, put last as `auto.offset.reset`.
 *
 * Binder and binding properties not listed here (container, DLQ, topic provisioning settings) are not read:
 * nothing is judged about them, and they are never reported as unknown.
 */

/** Spring's relaxed form of a name segment: lower case, dashes and underscores dropped. */
function uniformName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** Merge tiers of the binder's layers (Spring Boot's are 0–3, spring-keys.ts). */
const TIER = {
  requiredAcks: -1,
  configuration: 4,
  clientProperties: 5,
  defaultBinding: 6,
  binding: 7,
  defaultStartOffset: 8,
  startOffset: 9,
} as const;

const PREFIX = /^spring\.cloud\.stream\.kafka\.(.+)$/i;

/** `.linger.ms`, `[linger.ms]`, `.[linger.ms]` after a map's name → `linger.ms`, else undefined. */
function mapKey(rest: string): string | undefined {
  const m = /^(?:\.\[(.+)\]|\[(.+)\]|\.(.+))$/.exec(rest);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The first dotted segment of `text` (stopping at `[`) and what follows it. */
function head(text: string): [string, string] {
  const m = /^([^.[]+)(.*)$/.exec(text);
  return m ? [m[1], m[2]] : ['', text];
}

/** Splits off `count` leading segments (each followed by `.` except a map key's bracket). */
function segments(text: string, count: number): { parts: string[]; rest: string } | undefined {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < count; i++) {
    const [seg, after] = head(rest);
    if (!seg) return undefined;
    parts.push(seg);
    if (i < count - 1) {
      if (!after.startsWith('.')) return undefined;
      rest = after.slice(1);
    } else rest = after;
  }
  return { parts, rest };
}

function clientOf(segment: string): Role | undefined {
  const u = uniformName(segment);
  return u === 'producer' ? 'producer' : u === 'consumer' ? 'consumer' : undefined;
}

function passThrough(key: string, identity: string, role: Role | undefined, tier: number): SpringKey {
  return { key, identity, role, tier, passThrough: true, binder: true };
}

/** The binding-level part after `<role>.`: its `configuration` map or, for a consumer, `startOffset`. */
function bindingSetting(role: Role, rest: string, scope: string, defaults: boolean): SpringKey | undefined {
  const [seg, after] = head(rest);
  const u = uniformName(seg);
  if (u === 'configuration') {
    const key = mapKey(after);
    if (!key) return undefined;
    return passThrough(key, `spring.cloud.stream.kafka.${scope}.${role}.configuration.${key}`, role, defaults ? TIER.defaultBinding : TIER.binding);
  }
  if (role === 'consumer' && u === 'startoffset' && after === '') {
    return {
      key: 'auto.offset.reset',
      identity: `spring.cloud.stream.kafka.${scope}.consumer.start-offset`,
      role,
      tier: defaults ? TIER.defaultStartOffset : TIER.startOffset,
      passThrough: false,
      binder: true,
    };
  }
  return undefined;
}

/**
 * Classifies a `spring.cloud.stream.kafka.*` name as written (any relaxed spelling) that sets a Kafka client
 * key, or undefined (other binder settings, the Kafka Streams binder's `spring.cloud.stream.kafka.streams.*`,
 * names outside the binder).
 */
export function classifyStreamName(name: string): SpringKey | undefined {
  const m = PREFIX.exec(name);
  if (!m) return undefined;
  const [first, afterFirst] = head(m[1]);
  const area = uniformName(first);
  if (!afterFirst.startsWith('.')) return undefined;
  const rest = afterFirst.slice(1);
  if (area === 'binder') {
    const [seg, after] = head(rest);
    const u = uniformName(seg);
    if (u === 'configuration') {
      const key = mapKey(after);
      return key ? passThrough(key, `spring.cloud.stream.kafka.binder.configuration.${key}`, undefined, TIER.configuration) : undefined;
    }
    if (u === 'producerproperties' || u === 'consumerproperties') {
      const key = mapKey(after);
      const role: Role = u === 'producerproperties' ? 'producer' : 'consumer';
      return key ? passThrough(key, `spring.cloud.stream.kafka.binder.${role}-properties.${key}`, role, TIER.clientProperties) : undefined;
    }
    if (u === 'requiredacks' && after === '') {
      return { key: 'acks', identity: 'spring.cloud.stream.kafka.binder.required-acks', role: 'producer', tier: TIER.requiredAcks, passThrough: false, binder: true };
    }
    if (u === 'transaction' && after.startsWith('.')) {
      // The binder's transactional producer (`transaction.producer.*`, a KafkaProducerProperties) replaces
      // every binding's producer factory when `transaction-id-prefix` is set (KafkaMessageChannelBinder `onInit`).
      const s = segments(after.slice(1), 2);
      if (s && clientOf(s.parts[0]) === 'producer' && uniformName(s.parts[1]) === 'configuration') {
        const key = mapKey(s.rest);
        return key ? passThrough(key, `spring.cloud.stream.kafka.binder.transaction.producer.configuration.${key}`, 'producer', TIER.binding) : undefined;
      }
    }
    return undefined;
  }
  if (area === 'default') {
    const [seg, after] = head(rest);
    const role = clientOf(seg);
    if (!role || !after.startsWith('.')) return undefined;
    return bindingSetting(role, after.slice(1), 'default', true);
  }
  if (area === 'bindings') {
    const s = segments(rest, 2);
    if (!s || !s.rest.startsWith('.')) return undefined;
    const role = clientOf(s.parts[1]);
    if (!role) return undefined;
    return bindingSetting(role, s.rest.slice(1), `bindings.${s.parts[0]}`, false);
  }
  return undefined;
}

/**
 * The binder's removal of `enable.auto.commit=true` from its own and Boot's merged consumer maps
 * (KafkaBinderConfigurationProperties `filterStreamManagedConfiguration`: "enable.auto.commit=true is not
 * supported by the Kafka binder", logged and dropped). A binding's `configuration` map is put after that
 * filter (BindingUtils `createConsumerConfigs`) and does reach the consumer.
 */
export function binderDrops(meta: SpringKey, value: string): boolean {
  return meta.binder === true && meta.tier < TIER.defaultBinding && meta.key === 'enable.auto.commit' && value.trim().toLowerCase() === 'true';
}

/**
 * What the `spring.cloud.stream.*` names of one file say about its Kafka binder clients: whether the file
 * configures the Kafka binder, and which clients its bindings are (for files whose bindings set no Kafka key).
 */
export class StreamScan {
  private binderKeys = false;
  private streamsBinder = false;
  private multiBinder = false;
  private readonly explicit = new Map<Role, Range>();
  private readonly named = new Map<Role, Range>();

  /** Notes one name (a `.properties` key or a YAML path) and the range of the text that names it. */
  add(name: string, range: Range): void {
    const lower = name.toLowerCase();
    if (!lower.startsWith('spring.cloud.stream.')) return;
    const rest = lower.slice('spring.cloud.stream.'.length);
    const [area, after] = head(rest);
    if (area === 'kafka') {
      // `spring.cloud.stream.kafka:` itself (a YAML mapping) says nothing until a key under it does.
      const [sub] = head(after.slice(1));
      if (sub === '') return;
      if (uniformName(sub) === 'streams') this.streamsBinder = true;
      else this.binderKeys = true;
      const meta = classifyStreamName(name);
      // A binding's producer/consumer section says which client it is, whatever it sets.
      const binding = /^\.bindings\.[^.[]+\.([^.[]+)/.exec(after) ?? /^\.default\.([^.[]+)/.exec(after);
      const clientMap = /^\.binder\.(producer|consumer)[-_]?properties$/.exec(after);
      const role = meta?.role ?? (binding ? clientOf(binding[1]) : clientMap ? clientOf(clientMap[1]) : undefined);
      if (role && !this.explicit.has(role)) this.explicit.set(role, range);
      return;
    }
    if (uniformName(area) === 'binders') {
      this.multiBinder = true;
      return;
    }
    if (area !== 'bindings') return;
    // `spring.cloud.stream.bindings.<name>.producer.*` / `.consumer.*` are the binding's common properties; a
    // functional binding is named `<function>-out-<n>` (output) or `<function>-in-<n>` (input)
    // (docs/modules/ROOT/pages/spring-cloud-stream/functional-binding-names.adoc).
    const s = segments(after.slice(1), 2);
    const bindingName = s?.parts[0] ?? head(after.slice(1))[0];
    const role = (s ? clientOf(s.parts[1]) : undefined) ?? (/-out-\d+$/.test(bindingName) ? 'producer' : /-in-\d+$/.test(bindingName) ? 'consumer' : undefined);
    if (role && !this.named.has(role)) this.named.set(role, range);
  }

  /** True when the file sets Kafka binder settings (`spring.cloud.stream.kafka.*`, Kafka Streams binder aside). */
  get isBinder(): boolean {
    return this.binderKeys;
  }

  /** True when the file mentions `spring.cloud.stream.kafka.*` at all (the Kafka Streams binder included). */
  get isKafka(): boolean {
    return this.binderKeys || this.streamsBinder;
  }

  /**
   * The binder clients of the file, each with where it is first named. Binding names and their common
   * sections count only in a file that configures this binder alone: with the Kafka Streams binder or several
   * binders (`spring.cloud.stream.binders`) a binding may belong to another one.
   */
  roles(): ReadonlyMap<Role, Range> {
    if (!this.binderKeys) return new Map();
    const out = new Map(this.explicit);
    if (!this.streamsBinder && !this.multiBinder) for (const [role, range] of this.named) if (!out.has(role)) out.set(role, range);
    return out;
  }
}
