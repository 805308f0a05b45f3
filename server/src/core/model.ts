/**
 * The source-neutral model every rule reads.
 *
 * A parser (properties, Spring YAML) or a code scanner (Java, TS/JS, Python, Go) turns a file into an
 * {@link AnalyzedDocument}: groups of config entries (one group per producer/consumer/broker/topic
 * configuration found) plus code facts (sends, commits, closes). Rules never see the source syntax;
 * they see canonical Kafka keys and values, and offsets into the original text.
 *
 * Offsets are UTF-16 code-unit offsets into `AnalyzedDocument.text`, ranges are half-open `[start, end)`.
 * Only the LSP adapter and the CLI convert them to line/column.
 *
 * This module and everything under `core/` must not import `vscode` or `vscode-languageserver*`.
 */

import type { Message } from './i18n/index';

/** A half-open `[start, end)` span of UTF-16 offsets into the document text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** The stage of a message's journey that a rule protects. `config` is for file-level hygiene rules. */
export type Stage = 'producer' | 'broker' | 'consumer' | 'config';

/** What a configuration configures. A file can hold several roles (a Spring file: producer and consumer). */
export type Role = 'producer' | 'consumer' | 'broker' | 'topic' | 'admin' | 'streams' | 'connect';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/**
 * The client library (or config dialect) whose defaults apply to a group.
 * `java` is plain Kafka (`.properties` files and kafka-clients); `spring` is Spring Boot / Spring for Apache Kafka.
 */
export type LibraryId =
  | 'java'
  | 'spring'
  | 'kafkajs'
  | 'confluent-js'
  | 'librdkafka'
  | 'kafka-python'
  | 'aiokafka'
  | 'sarama'
  | 'franz-go'
  | 'kafka-go'
  /** Dialects: Kafka's own defaults, with what the runtime sets itself (catalog/defaults.ts `dialectOf`). */
  | 'connect'
  | 'strimzi'
  | 'cp-kafka'
  | 'bitnami-kafka';

/** How a document was read. */
export type DocumentKind =
  | 'properties'
  | 'spring-properties'
  | 'spring-yaml'
  | 'compose'
  | 'strimzi'
  | 'connect-json'
  | 'java'
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  /** Fenced code blocks in Markdown, read when the user opts in (core/markdown/analyze-markdown.ts). */
  | 'markdown'
  | 'unknown';

/** One text replacement. `range.start === range.end` inserts. */
export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * A range in a file whose text is not at hand where it is shown (a cross-file finding points into another
 * file): the offsets plus the 0-based line/character positions the front ends need.
 */
export interface Span extends Range {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/**
 * A quick fix computed in core. It changes only its edits' spans. Its title is in the user's language; the
 * edits never depend on the language.
 */
export interface Fix<Title = string> {
  readonly title: Title;
  readonly edits: readonly Edit[];
  /** The fix a user most likely wants (offered first, used by fix-all). */
  readonly preferred?: boolean;
  /** What else the edit changes (a shared YAML anchor); lint adds it to the title in the user's language. */
  readonly scope?: Message;
  /**
   * Set when the fix edits another file than the one the finding is shown in (a cross-file finding fixed
   * where the setting is decided): that file's path; the edits' ranges are then {@link Span}s. Fix-all of
   * a document never applies such a fix.
   */
  readonly file?: string;
}

/** A fix a scanner computes before the locale is known: its title is a catalogue message, formatted by the rule. */
export type CodeFix = Fix<Message>;

/** Extra location attached to a finding (e.g. the other line of a duplicate key). */
export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
  /** Set when the location is in another file: that file's path; `range` is then a {@link Span}. */
  readonly file?: string;
}

/**
 * One setting as written in the source, already mapped to Kafka's own key and value.
 *
 * `spring.kafka.producer.acks: 0`, `props.put(ProducerConfig.ACKS_CONFIG, "0")` and `acks=0` all become
 * `{ key: 'acks', value: '0' }`; `sarama.WaitForLocal` becomes `{ key: 'acks', value: '1' }`.
 */
export interface ConfigEntry {
  /** Canonical Kafka key, e.g. `acks`, `enable.auto.commit`. Aliases are kept as written (`request.required.acks`). */
  readonly key: string;
  /** Canonical value as Kafka would read it (Java properties semantics: leading whitespace stripped, escapes decoded). */
  readonly value: string;
  /** The key as spelled in the source (`spring.kafka.consumer.enable-auto-commit`, `ProducerConfig.ACKS_CONFIG`). */
  readonly rawKey: string;
  /**
   * Identity for duplicate detection within a document: two entries with the same `identity` set the same
   * thing in the same way (relaxed-binding spellings of one Spring property share an identity).
   */
  readonly identity: string;
  /** Span of the key as written. */
  readonly keyRange: Range;
  /** Span of the value as written (may be empty: `key=`). For a multi-line value, the whole logical value. */
  readonly valueRange: Range;
  /** Span that removing this entry deletes: the whole logical line(s) including the line break. Undefined if it cannot be removed safely. */
  readonly removeRange?: Range;
  /** Role implied by where the entry is written (`spring.kafka.producer.*` → producer). */
  readonly role?: Role;
  /**
   * Source text that sets this entry to a new canonical value at `valueRange`, in the source's own syntax
   * (escaped for .properties, quoted for YAML/Java, `sarama.WaitForAll` for Go). Undefined when no safe text exists.
   */
  renderValue?(value: string): string | undefined;
  /**
   * Set when editing this entry's value changes more than this entry (a value in a YAML anchor that other
   * places merge or alias): fix titles carry it, e.g. `in &defaults: changes every alias of it`.
   */
  readonly editScope?: Message;
  /**
   * One sentence hovers add about how the entry is written, when its spelling is not Kafka's own: how an
   * environment variable maps to the key, where a merged YAML value comes from, a placeholder's default.
   */
  readonly note?: Message;
  /**
   * True when the value is set in another file, which {@link note} names (a compose `${VAR}` the `.env` file
   * gives): a finding on the value says so in its hover, and the value has no edit here.
   */
  readonly setElsewhere?: boolean;
  /**
   * The values a conditional expression can take (`flag ? "false" : "true"`, `"false" if x else "true"`), when
   * every branch is a literal. `value` is then a placeholder, and lint judges each branch on its own (core/branches.ts).
   */
  readonly branches?: readonly ValueBranch[];
  /**
   * The Java class of a value the code puts into a config map that is not a String (`java.lang.Integer` for
   * `props.put(ProducerConfig.ACKS_CONFIG, 1)`). Kafka's ConfigDef parses a String for every type of setting,
   * but any other object only when it is of the setting's own type: it refuses an Integer for `acks`.
   */
  readonly valueClass?: string;
}

/** One branch of a conditional value: what it sets, where it is written, and when it applies. */
export interface ValueBranch {
  readonly value: string;
  readonly valueRange: Range;
  /** The condition as written (`flag`, `os.getenv("SAFE")`). */
  readonly condition: string;
  /** Whether this branch applies when the condition is true or when it is false. */
  readonly when: boolean;
  /** Source text for a new value of this branch, in the source's syntax. */
  renderValue?(value: string): string | undefined;
}

/**
 * One configuration: a producer, a consumer, a broker, a topic — or a file that mixes them.
 * Entries include every occurrence, in the order the client applies them: the last entry for a key wins, as
 * in Kafka (source order for a file; Spring Boot's merge order for a Spring group, whatever the spelling).
 */
export interface ConfigGroup {
  readonly roles: readonly Role[];
  readonly library: LibraryId;
  readonly entries: readonly ConfigEntry[];
  /** Where findings about a setting that is *missing* are reported (the constructor call, the first line, …). */
  readonly anchor: Range;
  /**
   * Text edit that adds `key` with `value` to this group in the source's syntax, or undefined when it cannot
   * be done safely. `key` is the canonical Kafka key; the group chooses the spelling.
   */
  insertEntry?(key: string, value: string): Edit | undefined;
  /**
   * Spring only: true when the group's consumer settings are used by a Spring listener container, which
   * forces `enable.auto.commit=false` unless it is set explicitly.
   */
  readonly springContainer?: boolean;
  /**
   * Spring only: true when the file configures Spring Cloud Stream's Kafka binder (`spring.cloud.stream.kafka.*`),
   * whose clients take the binder's own defaults (catalog/spring.ts `SPRING_CLOUD_STREAM_DEFAULTS`).
   */
  readonly springBinder?: boolean;
  /**
   * Java code only: true when a client constructor of this file takes the group's settings
   * (`new KafkaConsumer<>(props)`), not merely keys saying what they configure (a helper's map that a caller
   * may add to).
   */
  readonly builtHere?: boolean;
  /**
   * Consumer only: true when the code shows the consumer joins no consumer group (kafka-python or aiokafka
   * built without `group_id`, every argument visible). Such a consumer commits no offsets: kafka-python turns
   * auto-commit off, aiokafka has no coordinator to commit to.
   */
  readonly groupless?: boolean;
  /** Installed library version when known (e.g. kafka-python's), to key defaults on. */
  readonly libraryVersion?: string;
  /**
   * The build file that gave {@link kafkaVersion} (a Java client's `kafka-clients` version) or
   * {@link libraryVersion} (kafka-python's pin): `pom.xml`, `requirements.txt` (core/project/build-files.ts).
   */
  readonly versionSource?: string;
  /** Set when {@link kafkaVersion} is the `kafka-clients` a spring-kafka release requires: that release (`2.5.0.RELEASE`). */
  readonly versionVia?: string;
  /**
   * The Kafka version the file says this configuration runs (Strimzi `spec.kafka.version`, an `apache/kafka`
   * or `bitnami/kafka` image tag): Kafka defaults are taken at it rather than at `kafkaLint.kafkaVersion`.
   */
  readonly kafkaVersion?: string;
  /** What the group says about its place in a deployment, for linking it to other files' groups. */
  readonly links?: DeploymentLinks;
  /**
   * Kafka Connect only, on a connector's own group: whether it is a sink or a source connector, when its
   * class or its `topics` say (core/connect/connect-groups.ts `connectorTypeOf`); undefined when they do not.
   */
  readonly connectorType?: 'sink' | 'source';
}

/**
 * What one configuration says about where it sits in a deployment. The deployment model joins groups of
 * different files on these: a producer's `bootstrap` to a broker's `addresses`, a producer's topic to a
 * topic definition. Readers fill what their format states and leave the rest unset; nothing is guessed here.
 */
export interface DeploymentLinks {
  /** A client's `bootstrap.servers`, as written, split on commas (`kafka:9092`, `${BOOTSTRAP}`). */
  readonly bootstrap?: readonly string[];
  /**
   * Addresses a broker or cluster answers on: its `listeners` / `advertised.listeners` hosts and ports, a
   * compose service name with its port, a Strimzi bootstrap service name (`my-cluster-kafka-bootstrap:9092`).
   */
  readonly addresses?: readonly string[];
  /** A cluster's name when the format gives one (Strimzi `metadata.name`, a KafkaTopic's `strimzi.io/cluster` label). */
  readonly cluster?: string;
  /** Number of brokers in the cluster when the file says (broker services in a compose file, Strimzi replicas). */
  readonly brokerCount?: number;
  /** Topics the group defines (topic config, `NewTopic`, `KafkaTopic`), produces to or consumes from. */
  readonly topics?: readonly TopicRef[];
  /** The Spring profile the group belongs to (`application-<profile>.yml`, `spring.config.activate.on-profile`). */
  readonly profile?: string;
  /**
   * A Strimzi resource's part in its cluster's size (`links.cluster` names the cluster), which node pools in
   * other files of the workspace may decide (core/strimzi/cluster-size.ts).
   */
  readonly strimzi?: StrimziSize;
  /**
   * Set when `brokerCount` was counted over other files (strimzi/cluster-size.ts): every broker node pool that
   * counted toward the cluster, files in path order, resources in file order; rules whose verdict depends on
   * the count point at them (related locations).
   */
  readonly brokerPools?: readonly CountedPool[];
  /**
   * Java code: the client's `bootstrap.servers` is the address of a broker the code starts itself (a
   * Testcontainers `KafkaContainer`, spring-kafka-test's `EmbeddedKafkaBroker`, an embedded test cluster), so
   * it belongs to no cluster a file configures, however near one is.
   */
  readonly brokerInCode?: boolean;
}

/** A broker `KafkaNodePool` counted toward a Strimzi cluster's size. */
export interface CountedPool {
  /** The pool's file; undefined for the file the group is in (`at` is then offsets of that file). */
  readonly file?: string;
  /** Its `spec.replicas` value, or the resource when that is absent (a {@link Span} when `file` is set). */
  readonly at: Range;
  readonly name?: string;
  readonly replicas: number;
}

/**
 * What a Strimzi resource says about its cluster's broker count: a `KafkaNodePool` its broker replicas, a
 * `Kafka` its `spec.kafka.replicas` (used only when no broker node pool of the cluster exists), a `KafkaTopic`
 * nothing (its `brokerCount` is its cluster's).
 */
export interface StrimziSize {
  readonly resource: 'Kafka' | 'KafkaTopic' | 'KafkaNodePool';
  readonly namespace?: string;
  /** `KafkaNodePool` with the `broker` role: `spec.replicas`; `Kafka`: `spec.kafka.replicas`; else undefined. */
  readonly replicas?: number;
  /** `KafkaNodePool`: its `metadata.name`. */
  readonly name?: string;
  /**
   * `KafkaNodePool`: where it says its size, `spec.replicas`' value or else the resource (offsets in a document's
   * groups, a {@link Span} in a deployment extract, for pointing at it from the files it counts for).
   */
  readonly at?: Range;
}

/** One topic name as written in a file, and what the group does with it. */
export interface TopicRef {
  readonly name: string;
  readonly range: Range;
  readonly use: 'defines' | 'produces' | 'consumes';
}

/** Something the code does that can lose messages, found by a scanner with its exact range. */
export interface CodeFact {
  readonly kind: 'unhandled-send' | 'commit-before-processing' | 'close-without-flush' | 'commit-after-swallowed-error';
  readonly library: LibraryId;
  readonly range: Range;
  /** One sentence for the message: what exactly the code does (a catalogue message, `msg('scanner.…', …)`). */
  readonly detail: Message;
  /** Severity override (e.g. confluent-kafka `produce()` without a delivery callback is only info). */
  readonly severity?: Severity;
  readonly fixes?: readonly CodeFix[];
}

/** A problem the reader found in the text itself (malformed `\u` escape, YAML syntax error). */
export interface ParseProblem {
  readonly range: Range;
  /** What is wrong, as a catalogue message (`msg('parse.…', …)`): readers run before the locale is known. */
  readonly message: Message;
}

/**
 * What a docker-compose file says of one service that runs a Kafka image, or names no image (it may add to a
 * service of the file Compose merges it with: a `docker-compose.override.yml` and its base). Plain data.
 */
export interface ComposeServiceFacts {
  readonly name: string;
  /** The `image` reference with variables resolved; absent when the service names none. */
  readonly image?: string;
  /** The variables its `environment` sets, in order: name and resolved value. */
  readonly variables: readonly (readonly [name: string, resolved: string])[];
  /** True when it names an `env_file`. */
  readonly envFile: boolean;
  /** Where its volumes are mounted in the container. */
  readonly volumes: readonly string[];
}

/** A file after parsing or scanning: what rules run on. */
export interface AnalyzedDocument {
  /** Path or URI as given by the caller; used for role detection by file name. */
  readonly path: string;
  readonly text: string;
  readonly kind: DocumentKind;
  /** False for files with no Kafka-identifying content: no finding is reported on them. */
  readonly isKafka: boolean;
  readonly groups: readonly ConfigGroup[];
  readonly facts: readonly CodeFact[];
  readonly problems: readonly ParseProblem[];
  /** Line-comment prefix of the file's syntax (`#`, `//`), for suppression comments; empty when it has none (JSON). */
  readonly commentPrefix: string;
  /**
   * A Markdown file: the documents of its fenced code blocks, each with the `.md` text blanked outside its
   * block (offsets are the `.md`'s). Lint judges each part on its own; `groups`/`facts` list all of theirs.
   */
  readonly parts?: readonly AnalyzedDocument[];
  /** A docker-compose file: its services that run a Kafka image or name none (see {@link ComposeServiceFacts}). */
  readonly compose?: readonly ComposeServiceFacts[];
  /** A docker-compose file: the project's `.env` file it was read with (compose/dotenv.ts). */
  readonly dotEnv?: DotEnvFile;
}

/** A build file of a file's project, as the analysis is given it (core/project/build-files.ts). */
export interface BuildFile {
  readonly path: string;
  readonly text: string;
}

/** The client library versions a project's build files pin (core/project/build-files.ts). */
export interface ProjectVersions {
  /** `org.apache.kafka:kafka-clients` (or an artifact that brings it), and the name of the file that says so. */
  readonly kafkaClients?: { readonly version: string; readonly file: string; readonly via?: string };
  /** kafka-python's exact pin. */
  readonly kafkaPython?: { readonly version: string; readonly file: string };
}

/**
 * The `.env` file Docker Compose reads beside a compose file, as the analysis is given it: plain data (it
 * crosses to worker threads and into the CLI's cache).
 */
export interface DotEnvFile {
  /** Its path, for messages. */
  readonly path: string;
  readonly text: string;
}

/** A finding, before severity overrides are applied. */
export interface Finding {
  readonly ruleId: string;
  readonly stage: Stage;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /**
   * Cross-file findings only: ids of per-file rules whose finding on the same range this one replaces (it
   * says the same and names the other file that makes it matter), so one root cause gives one finding.
   */
  readonly supersedes?: readonly string[];
}

/** True when `range` carries line/character positions (a {@link Span}). */
export function isSpan(range: Range): range is Span {
  return typeof (range as Partial<Span>).line === 'number' && typeof (range as Partial<Span>).endCharacter === 'number';
}

/** True when the group configures `role`. */
export function hasRole(group: ConfigGroup, role: Role): boolean {
  return group.roles.includes(role);
}
