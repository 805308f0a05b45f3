import { findKey } from './catalog/index';
import { validateValue } from './catalog/validate';

/**
 * What a `.properties` file's name and values say about whether it is Kafka configuration at all, for
 * role detection (`roles.ts`). Many projects hold `.properties` files that merely contain a key spelled
 * like a Kafka key: Java resource bundles (`messages_de.properties` with `acks=Bestätigungen`), logging
 * and build-tool settings, application settings with `retries=3`. Their names and their values tell them
 * apart: Kafka never accepts `acks=Acknowledgements`, and nobody keeps producer settings in `log4j.properties`.
 */

/**
 * Files whose format belongs to another tool: logging (log4j, log4j2, java.util.logging, SLF4J simple,
 * tinylog, logback), build and wrapper files (Gradle, Maven, Android, Sonar), database and scheduler
 * settings (Hibernate, Flyway, Liquibase, Quartz) and generated build metadata. Kafka's own
 * `connect-log4j.properties` and `tools-log4j.properties` are among them: they configure logging.
 */
const OTHER_TOOLS: readonly RegExp[] = [
  /log4j/,
  /^logback/,
  /^tinylog/,
  /^(logging|simplelogger|commons-logging|jul-logging)\.properties$/,
  /^gradle(-wrapper)?\.properties$/,
  /^maven-wrapper\.properties$/,
  /^(local|sonar-project|pom|git|build-info|jndi)\.properties$/,
  /^(hibernate|quartz|c3p0)\.properties$/,
  /^(flyway|liquibase)([-_.].*)?\.properties$/,
];

/**
 * Keys of a logging configuration in `.properties` form: log4j 1 (`log4j.rootLogger`, `log4j.appender.*`),
 * log4j2 (`appender.console.type`, `rootLogger.level`, `logger.kafka.name`). Kafka has no key of these
 * shapes, and projects name such files after the component they configure the logging of: Strimzi's
 * `default-logging/KafkaCluster.properties` is log4j2.
 */
const LOGGING_KEY = /^(?:log4j2?\.|appenders?\.|root[Ll]ogger(?:\.|$)|loggers?\.)/;

/** True when `key` has the shape of a logging configuration's key (see {@link LOGGING_KEY}); most keys fail on the first character. */
export function isLoggingKey(key: string): boolean {
  const c = key.charCodeAt(0);
  // a, l, r: `appender…`, `log4j…`/`logger…`, `rootLogger…`.
  return (c === 97 || c === 108 || c === 114) && LOGGING_KEY.test(key);
}

/**
 * Keys of services that are neither brokers nor plain clients but keep their own settings in a `.properties`
 * file beside the Kafka client keys they pass on: ksqlDB (`ksql.*`, as in `ksql-server.properties`), Schema
 * Registry (`kafkastore.*`, `schema.registry.group.id`), Control Center (`confluent.controlcenter.*`) and
 * Debezium's Cassandra connector, an agent beside Cassandra rather than a Connect plugin, whose file names its
 * converters (`commit.log.relocation.dir`, which it requires). Kafka has no key of these shapes. Such a file is
 * not a broker's or a Connect worker's, however its `listeners=http://…`, its `*-server.properties` name or its
 * `key.converter` reads, and its own keys are not Kafka's to judge.
 */
const SERVICE_KEY = /^(?:ksql\.|kafkastore\.|confluent\.controlcenter\.|schema\.registry\.group\.id$|commit\.log\.relocation\.dir$)/;

/** True when `key` is one of a Confluent Platform service's own settings (see {@link SERVICE_KEY}). */
export function isPlatformServiceKey(key: string): boolean {
  const c = key.charCodeAt(0);
  // k, c, s: `ksql.…`/`kafkastore.…`, `confluent.controlcenter.…`/`commit.log.relocation.dir`, `schema.registry.group.id`.
  return (c === 107 || c === 99 || c === 115) && SERVICE_KEY.test(key);
}

/** Base names of message bundles that carry no locale (`messages.properties` is Spring's default `MessageSource`). */
const BUNDLE_BASES = /^(messages|labels|strings|validationmessages|i18n|translations?|resources)([-_.].*)?\.properties$/;

/**
 * ISO 639-1 language codes, plus Java's legacy `iw`, `in` and `ji`: the language part of a resource bundle
 * name (`ResourceBundle.Control.toBundleName`: `base_language[_script][_COUNTRY][_variant]`).
 */
const LANGUAGES: ReadonlySet<string> = new Set(
  `aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el
   en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu
   iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my
   na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so
   sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * `_de`, `_pt_BR`, `_sr_Latn_RS`, `_es_419`, `_zh_Hant_TW` at the end of a bundle name, in the case Java
 * writes them: language lower case, script title case, country upper case (or a UN M.49 region number).
 */
const LOCALE_SUFFIX = /_([a-z]{2})(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|\d{3}))?\.properties$/;

/** What a file name says about a `.properties` file before any key is read. */
export type NameVerdict = 'other-tool' | 'bundle' | 'neutral';

/** Classifies a file's base name (as written, without folders): another tool's file, a message bundle, or neither. */
export function nameVerdict(baseName: string): NameVerdict {
  const name = baseName.toLowerCase();
  if (OTHER_TOOLS.some((re) => re.test(name))) return 'other-tool';
  if (BUNDLE_BASES.test(name)) return 'bundle';
  const locale = LOCALE_SUFFIX.exec(baseName);
  if (locale && LANGUAGES.has(locale[1]) && locale.index > 0) return 'bundle';
  return 'neutral';
}

/** How a value reads for its key: a value Kafka takes, one it could never accept, or one that says nothing. */
export type ValueVerdict = 'plausible' | 'impossible' | 'neutral';

/** `host:port` lists: `bootstrap.servers`, ZooKeeper's connect string (optionally ending in a chroot path). */
const HOST_PORT_KEYS: ReadonlySet<string> = new Set(['bootstrap.servers', 'controller.quorum.bootstrap.servers', 'zookeeper.connect']);
const HOST_PORT = /^(?:[A-Za-z_][A-Za-z0-9_]*:\/\/)?(?:\[[0-9A-Fa-f:.%]+\]|[^\s,:/[\]]*):\d{1,5}(?:\/\S*)?$/;
/** `NAME://host:port` lists. */
const LISTENER_KEYS: ReadonlySet<string> = new Set(['listeners', 'advertised.listeners']);
const LISTENER = /^[A-Za-z_][A-Za-z0-9_]*:\/\/(?:\[[0-9A-Fa-f:.%]+\]|[^\s,:/[\]]*):\d{1,5}$/;
const VOTER = /^\d+@(?:\[[0-9A-Fa-f:.%]+\]|[^\s,:/[\]]+):\d{1,5}$/;
/** Keys that name a Java class (or a Connect plugin alias): Kafka loads them at startup. */
const CLASS_KEYS: ReadonlySet<string> = new Set([
  'key.serializer',
  'value.serializer',
  'key.deserializer',
  'value.deserializer',
  'key.converter',
  'value.converter',
  'connector.class',
  'partitioner.class',
  'default.key.serde',
  'default.value.serde',
]);
const CLASS_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
/** Identifiers Kafka takes as any string; a value with blanks is legal but reads like a label, so it proves nothing. */
const ID_KEYS: ReadonlySet<string> = new Set(['group.id', 'group.instance.id', 'transactional.id', 'application.id', 'client.id']);
/** Directories: a path proves little, a sentence disproves nothing. */
const PATH_KEYS: ReadonlySet<string> = new Set(['log.dirs', 'log.dir', 'metadata.log.dir', 'state.dir', 'plugin.path', 'offset.storage.file.filename']);
const PATH = /^(?:[/~.\\]|[A-Za-z]:[\\/]|\$\{)/;

function everyElement(value: string, re: RegExp): boolean {
  return value.split(',').every((element) => re.test(element.trim()));
}

/**
 * Judges `value` for `key` the way Kafka would read it at startup: address lists must hold `host:port`
 * elements, class keys a class name, typed keys a value their `ConfigDef` accepts (`acks=Acknowledgements`
 * and `retries=Retries` are impossible). Placeholders (`${KAFKA_BOOTSTRAP}`) are plausible; empty values and
 * keys the catalog cannot check are neutral.
 */
export function valueVerdict(key: string, raw: string): ValueVerdict {
  const value = raw.trim();
  if (value === '') return 'neutral';
  if (value.includes('${')) return 'plausible';
  if (HOST_PORT_KEYS.has(key)) return everyElement(value, HOST_PORT) ? 'plausible' : 'impossible';
  if (LISTENER_KEYS.has(key)) return everyElement(value, LISTENER) ? 'plausible' : 'impossible';
  if (key === 'controller.quorum.voters') return everyElement(value, VOTER) ? 'plausible' : 'impossible';
  if (CLASS_KEYS.has(key)) return everyElement(value, CLASS_NAME) ? 'plausible' : 'impossible';
  if (ID_KEYS.has(key)) return /\s/.test(value) ? 'neutral' : 'plausible';
  if (PATH_KEYS.has(key)) return PATH.test(value) ? 'plausible' : 'neutral';
  if (!findKey(key)) return 'neutral';
  return validateValue(key, value) === undefined ? 'plausible' : 'impossible';
}
