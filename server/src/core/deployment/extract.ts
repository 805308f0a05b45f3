import type { AnalyzedDocument, ComposeServiceFacts, ConfigEntry, ConfigGroup, DocumentKind, Edit, LibraryId, Range, Role, Span, StrimziSize } from '../model';
import { hasRole } from '../model';
import { insertEntryFix, removeEntryFix, setValueFix } from '../fixes';
import { effectiveEntry } from '../rules/support';
import type { SuppressionTable } from '../suppressions';
import { directiveLineOf, readSuppressionTable } from '../suppressions';
import { documentLineIndex } from '../text';
import type { LineIndex } from '../text';
import { bootstrapAddresses, listenerAddresses, listenerNames, normalizeAddress } from './addresses';
import { codeTopics } from './code-topics';

/**
 * What the deployment model needs from one file, as plain data: the groups with the few settings the
 * cross-file rules read, the links that place each group in a deployment, the quick-fix edits those rules
 * may offer there, and the file's suppression comments. Plain data, so the CLI's workers and its cache can
 * hand it on as JSON, and so the server can keep it for 2,000 files it does not hold open.
 */

/** One setting a cross-file rule reads, as the group applies it (the last occurrence wins). */
export interface DeploymentEntry {
  /** Canonical Kafka key. */
  readonly key: string;
  /** The key as written (`spring.kafka.producer.acks`, `KAFKA_MIN_INSYNC_REPLICAS`). */
  readonly rawKey: string;
  readonly value: string;
  /** The value as written. */
  readonly span: Span;
}

/** A topic a group defines, produces to or consumes from. */
export interface DeploymentTopic {
  readonly name: string;
  readonly use: 'defines' | 'produces' | 'consumes';
  readonly span: Span;
}

/** A text edit in this file, positions included (another file's text is not at hand where it is offered). */
export interface DeploymentEdit {
  readonly range: Span;
  readonly newText: string;
}

/** One config group of the file, reduced to what the deployment model joins and the rules read. */
export interface DeploymentGroup {
  /** Index of the group in `AnalyzedDocument.groups`. */
  readonly index: number;
  readonly roles: readonly Role[];
  readonly library: LibraryId;
  readonly libraryVersion?: string;
  /** The Kafka version the file states for this group (a Strimzi `spec.kafka.version`, an image tag). */
  readonly kafkaVersion?: string;
  readonly springContainer?: boolean;
  /** The group configures Spring Cloud Stream's Kafka binder, whose acks default depends on the binder's version. */
  readonly springBinder?: boolean;
  /** Where findings about a missing setting go. */
  readonly anchor: Span;
  /** The settings the cross-file rules read, by canonical key (only those the group sets). */
  readonly entries: Readonly<Record<string, DeploymentEntry>>;
  /** Comparable `bootstrap.servers` addresses (see addresses.ts). */
  readonly bootstrap: readonly string[];
  /** True when the group names a bootstrap that cannot be compared (a placeholder such as `${BROKERS}`). */
  readonly bootstrapUnknown: boolean;
  /** True when the bootstrap is a broker the group's code starts itself (DeploymentLinks.brokerInCode): no file's cluster. */
  readonly brokerInCode?: boolean;
  /** Comparable addresses the group answers on, when it is a broker or a cluster. */
  readonly addresses: readonly string[];
  readonly cluster?: string;
  readonly brokerCount?: number;
  /** A Strimzi resource's part in its cluster's size (strimzi/cluster-size.ts), for counting across files. */
  readonly strimzi?: StrimziSize;
  readonly topics: readonly DeploymentTopic[];
  /**
   * True when the group's code also sends (a producer) or subscribes (a consumer) with a topic that is not a
   * literal: the client writes to (reads from) a topic no file names, so no topic is guessed from its folder.
   */
  readonly topicsUnnamed?: boolean;
  readonly profile?: string;
  /** Edits the cross-file rules may offer in this group, by `key=value` (`-key` removes the entry). */
  readonly edits: Readonly<Record<string, readonly DeploymentEdit[]>>;
}

/** One file as the deployment model sees it. */
export interface DeploymentFile {
  /** The file's path, as the caller names it (the CLI's display path, the server's file system path). */
  readonly file: string;
  /** How messages name the file, when not by `file` (the server: the path inside the workspace folder). */
  readonly label?: string;
  readonly kind: DocumentKind;
  /**
   * The project the file belongs to, when the caller knows it (the CLI and the server: the absolute path of
   * the nearest folder above it with a build file, files/projects.ts). A link by folder alone does not reach
   * into another project (see model.ts).
   */
  readonly project?: string;
  readonly groups: readonly DeploymentGroup[];
  readonly suppressions?: SuppressionTable;
  /**
   * Lines of this file's spans whose suppression comment sits on an earlier line (a `.properties` value
   * continued from the line above): `[line, line the directive must precede]`.
   */
  readonly directiveLines?: readonly (readonly [number, number])[];
  /** A docker-compose file's services, for the other file of its base/override pair (compose/pairs.ts). */
  readonly compose?: readonly ComposeServiceFacts[];
}

/** The keys the cross-file rules read, and the role an entry must be written for (Spring groups mix roles). */
const TRACKED: readonly (readonly [key: string, role?: Role])[] = [
  ['bootstrap.servers'],
  ['acks', 'producer'],
  ['request.required.acks', 'producer'],
  ['max.request.size', 'producer'],
  ['transactional.id', 'producer'],
  ['enable.idempotence', 'producer'],
  ['compression.type'],
  ['isolation.level', 'consumer'],
  ['group.id', 'consumer'],
  ['max.partition.fetch.bytes', 'consumer'],
  ['message.max.bytes'],
  ['max.message.bytes'],
  ['min.insync.replicas'],
  ['unclean.leader.election.enable'],
  ['replication.factor'],
  ['default.replication.factor'],
  ['replica.fetch.max.bytes'],
  ['listeners'],
  ['advertised.listeners'],
  ['controller.listener.names'],
  ['spring.kafka.template.default-topic', 'producer'],
];

/** Quick-fix edits computed for each group, by the roles that may need them. */
const EDITS: readonly { readonly roles: readonly Role[]; readonly key: string; readonly value?: string }[] = [
  { roles: ['topic', 'broker'], key: 'min.insync.replicas', value: '2' },
  { roles: ['topic', 'broker'], key: 'min.insync.replicas', value: '3' },
  { roles: ['topic'], key: 'replication.factor', value: '3' },
  { roles: ['topic'], key: 'unclean.leader.election.enable', value: 'false' },
  { roles: ['topic'], key: 'unclean.leader.election.enable' },
  { roles: ['consumer'], key: 'isolation.level', value: 'read_committed' },
];

/** The key an edit is filed under in {@link DeploymentGroup.edits}. */
export function editKey(key: string, value?: string): string {
  return value === undefined ? `-${key}` : `${key}=${value}`;
}

/**
 * Reduces an analyzed document to its {@link DeploymentFile}. `file` is the name the deployment model knows
 * it by (default: the document's path). A file that is not Kafka configuration has no groups. Pure.
 */
export function extractDeployment(document: AnalyzedDocument, file: string = document.path): DeploymentFile {
  const compose = document.compose ? { compose: document.compose } : {};
  if (!document.isKafka || document.groups.length === 0) return { file, kind: document.kind, groups: [], ...compose };
  const index = documentLineIndex(document);
  const lineOf = directiveLineOf(document, index);
  const aliases = new Map<number, number>();
  const span = (range: Range): Span => {
    const s = spanOf(index, range);
    const directive = lineOf(range.start);
    if (directive !== s.line) aliases.set(s.line, directive);
    return s;
  };
  const spring = document.kind === 'spring-properties' || document.kind === 'spring-yaml';
  // Spring's common settings (`spring.kafka.bootstrap-servers`) sit in one group but apply to every client of the file.
  const common = spring ? commonEntries(document.groups) : new Map<string, ConfigEntry>();
  const profile = springProfile(document.path);
  // Client code names its topics in its sends and subscriptions: each producer (consumer) group of the file gets them.
  const fromCode = codeTopics(document.kind, document.text);
  const groups = document.groups.map((group, i) => extractGroup(document, group, i, span, common, spring ? profile : undefined, fromCode));
  const suppressions = readSuppressionTable(document.text, index);
  return {
    file,
    kind: document.kind,
    groups,
    ...(suppressions ? { suppressions } : {}),
    ...(aliases.size > 0 ? { directiveLines: [...aliases].sort((a, b) => a[0] - b[0]) } : {}),
    ...compose,
  };
}

function extractGroup(
  document: AnalyzedDocument,
  group: ConfigGroup,
  index: number,
  span: (range: Range) => Span,
  common: ReadonlyMap<string, ConfigEntry>,
  fileProfile: string | undefined,
  fromCode: ReturnType<typeof codeTopics>,
): DeploymentGroup {
  const entries: Record<string, DeploymentEntry> = {};
  const found = new Map<string, ConfigEntry>();
  for (const [key, role] of TRACKED) {
    const entry = effectiveEntry(group, [key], role) ?? common.get(key);
    if (!entry) continue;
    found.set(key, entry);
    entries[key] = { key: entry.key, rawKey: entry.rawKey, value: entry.value, span: span(entry.valueRange) };
  }
  const links = group.links ?? {};
  const bootstrapEntry = found.get('bootstrap.servers');
  const written = [...(links.bootstrap ?? []), ...(bootstrapEntry ? bootstrapEntry.value.split(',') : [])].filter((b) => b.trim().length > 0);
  const bootstrap = unique([...(links.bootstrap ?? []).map(normalizeAddress), ...(bootstrapEntry ? bootstrapAddresses(bootstrapEntry.value) : [])]);
  const addresses = [...(links.addresses ?? []).map(normalizeAddress)];
  if (hasRole(group, 'broker')) {
    const controllers = listenerNames(found.get('controller.listener.names')?.value);
    for (const key of ['advertised.listeners', 'listeners']) {
      const e = found.get(key);
      if (e) addresses.push(...listenerAddresses(e.value, controllers));
    }
  }
  const topics: DeploymentTopic[] = (links.topics ?? []).map((t) => ({ name: t.name, use: t.use, span: span(t.range) }));
  if (!links.topics) {
    if (hasRole(group, 'producer')) for (const t of fromCode.produces) topics.push({ name: t.name, use: t.use, span: span(t.range) });
    if (hasRole(group, 'consumer')) for (const t of fromCode.consumes) topics.push({ name: t.name, use: t.use, span: span(t.range) });
  }
  const topicsUnnamed =
    !links.topics && ((hasRole(group, 'producer') && fromCode.unnamed.includes('produces')) || (hasRole(group, 'consumer') && fromCode.unnamed.includes('consumes')));
  const named = hasRole(group, 'topic') ? topicOfFileName(document.path) : undefined;
  if (named && !topics.some((t) => t.use === 'defines')) topics.push({ name: named, use: 'defines', span: span(group.anchor) });
  const defaultTopic = found.get('spring.kafka.template.default-topic');
  if (defaultTopic && defaultTopic.value.trim() && !defaultTopic.value.includes('${')) {
    topics.push({ name: defaultTopic.value.trim(), use: 'produces', span: span(defaultTopic.valueRange) });
  }
  const edits: Record<string, DeploymentEdit[]> = {};
  for (const want of EDITS) {
    if (!want.roles.some((r) => hasRole(group, r))) continue;
    const entry = found.get(want.key);
    const fix =
      want.value === undefined
        ? entry && removeEntryFix(entry, '')
        : entry
          ? setValueFix(entry, want.value, '')
          : insertEntryFix(group, want.key, want.value, '');
    if (fix) edits[editKey(want.key, want.value)] = fix.edits.map((e: Edit) => ({ range: span(e.range), newText: e.newText }));
  }
  const profile = links.profile ?? fileProfile;
  return {
    index,
    roles: group.roles,
    library: group.library,
    ...(group.libraryVersion ? { libraryVersion: group.libraryVersion } : {}),
    ...(group.kafkaVersion ? { kafkaVersion: group.kafkaVersion } : {}),
    ...(group.springContainer ? { springContainer: true } : {}),
    ...(group.springBinder ? { springBinder: true } : {}),
    anchor: span(group.anchor),
    entries,
    bootstrap,
    bootstrapUnknown: bootstrap.length === 0 && written.length > 0,
    ...(links.brokerInCode ? { brokerInCode: true } : {}),
    addresses: unique(addresses),
    ...(links.cluster ? { cluster: links.cluster } : {}),
    ...(links.brokerCount !== undefined ? { brokerCount: links.brokerCount } : {}),
    ...(links.strimzi ? { strimzi: links.strimzi.at ? { ...links.strimzi, at: span(links.strimzi.at) } : links.strimzi } : {}),
    topics,
    ...(topicsUnnamed ? { topicsUnnamed: true } : {}),
    ...(profile ? { profile } : {}),
    edits,
  };
}

/** Spring settings written for no client in particular, by key (the last one wins, as in the groups). */
function commonEntries(groups: readonly ConfigGroup[]): Map<string, ConfigEntry> {
  const common = new Map<string, ConfigEntry>();
  for (const group of groups) {
    for (const [key] of TRACKED) {
      const e = effectiveEntry(group, [key]);
      if (e && e.role === undefined) common.set(key, e);
    }
  }
  return common;
}

/** A range with its line/character positions. */
export function spanOf(index: LineIndex, range: Range): Span {
  const start = index.positionAt(range.start);
  const end = index.positionAt(range.end);
  return { start: range.start, end: range.end, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
}

/** File name without folders and extension, lower-cased. */
function stem(path: string): { name: string; folder: string } {
  const parts = path.replace(/\\/g, '/').split('/');
  const name = (parts.pop() ?? '').toLowerCase().replace(/\.[^.]*$/, '');
  return { name, folder: (parts.pop() ?? '').toLowerCase() };
}

/**
 * The topic a topic config file is named for: `topic-orders.properties`, `orders-topic.properties`,
 * `orders.topic.properties`, or any file in a `topics/` folder (`topics/orders.properties`).
 */
export function topicOfFileName(path: string): string | undefined {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const { folder } = stem(path);
  const raw = base.replace(/\.[^.]*$/, '');
  const m = /^topics?[-_.](.+)$/i.exec(raw) ?? /^(.+?)[-_.]topics?$/i.exec(raw);
  if (m) return m[1];
  if (folder === 'topics' || folder === 'topic') return raw.length > 0 ? raw : undefined;
  return undefined;
}

/** The Spring profile a file is named for: `application-prod.yml` → `prod`. */
export function springProfile(path: string): string | undefined {
  const { name } = stem(path);
  return /^(?:application|bootstrap)-(.+)$/.exec(name)?.[1];
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}
