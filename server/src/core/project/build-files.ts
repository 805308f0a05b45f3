import { kafkaOfConfluentPlatform } from '../catalog/images';
import { splitPath } from '../compose/names';
import type { AnalyzedDocument, BuildFile, ConfigGroup, ProjectVersions } from '../model';

/**
 * The client library versions a project's build files pin, so that unset keys get the defaults of the
 * library the application runs rather than of `kafkaLint.kafkaVersion`: a Java producer built against
 * `kafka-clients` 2.8 defaults to acks=1, one built against 3.0 or later to acks=all, and kafka-python moved
 * to acks=all in 3.0.0.
 *
 * Read, from the nearest build file out (the caller lists the files of the file's folder and its parents,
 * nearest first; a module's pom that leaves the version to its parent's `dependencyManagement` is followed up):
 *   - Maven `pom.xml`: a `<dependency>` on `org.apache.kafka` `kafka-clients` (or `kafka-streams` or the
 *     broker artifacts `kafka_2.1x`, which bring the clients of the same version), with a literal version or
 *     a `${property}` of the same pom's `<properties>`;
 *   - Gradle `build.gradle(.kts)`: `"org.apache.kafka:kafka-clients:3.6.1"`, the map form
 *     (`group: 'org.apache.kafka', name: 'kafka-clients', version: '3.6.1'`), a `$variable` assigned a string
 *     in the same file or set in `gradle.properties`, and version catalogs (`gradle/libs.versions.toml`);
 *   - Python `requirements*.txt` and `pyproject.toml`: `kafka-python==2.0.2` (an exact pin only; a range
 *     gives no version).
 * A file that names no `kafka-clients` version but a `spring-kafka` one (`org.springframework.kafka:spring-kafka:2.5.0.RELEASE`)
 * gives the `kafka-clients` version that spring-kafka release requires ({@link SPRING_KAFKA_CLIENTS}).
 * A version range, a property that cannot be resolved, or two different versions in one file give none:
 * the configured version applies, as before. Spring Boot's managed versions (a starter with no version of
 * its own) are not read.
 */

/**
 * The `kafka-clients` version each spring-kafka minor requires, from spring-kafka's change history
 * (`spring-kafka-docs/…/appendix/change-history.adoc`, "Kafka Client Version": "This version requires the
 * 2.5.0 `kafka-clients`"); 3.3 from its Boot appendix ("Spring Boot 3.5.x and 3.4.x use the kafka-clients
 * version 3.8.x", the 3.3 line) and 4.0 from "upgraded to use Apache Kafka client version 4.0.0".
 */
const SPRING_KAFKA_CLIENTS: Readonly<Record<string, string>> = {
  '2.1': '1.0.0',
  '2.2': '2.0.0',
  '2.3': '2.3.0',
  '2.4': '2.4.0',
  '2.5': '2.5.0',
  '2.6': '2.6.0',
  '2.7': '2.7.0',
  '2.8': '3.0.0',
  '2.9': '3.2.0',
  '3.0': '3.3.1',
  '3.1': '3.6.0',
  '3.2': '3.7.0',
  '3.3': '3.8.0',
  '4.0': '4.0.0',
};

/** A version found, or the spring-kafka version it was taken from. */
interface Found {
  readonly version: string | undefined | 'ambiguous';
  /** Set when the version is the one a spring-kafka release requires: that release. */
  readonly via?: string;
}

/** The `kafka-clients` of a file: its own line, else the one its spring-kafka line requires. */
function clientsOrSpring(clients: string | undefined | 'ambiguous', spring: string | undefined | 'ambiguous'): Found {
  if (clients !== undefined || spring === undefined) return { version: clients };
  if (spring === 'ambiguous') return { version: 'ambiguous' };
  const minor = /^(\d+\.\d+)\./.exec(spring)?.[1];
  const required = minor !== undefined && Object.hasOwn(SPRING_KAFKA_CLIENTS, minor) ? SPRING_KAFKA_CLIENTS[minor] : undefined;
  return required ? { version: required, via: spring } : { version: 'ambiguous' };
}

/** The build file names read, by kind. */
export const BUILD_FILE_NAMES: readonly string[] = ['pom.xml', 'build.gradle', 'build.gradle.kts', 'gradle.properties', 'libs.versions.toml', 'pyproject.toml', 'requirements.txt'];

/** True when a file of this base name is one {@link projectVersions} reads (`requirements-dev.txt` too). */
export function isBuildFileName(name: string): boolean {
  return BUILD_FILE_NAMES.includes(name) || /^requirements[-_.\w]*\.txt$/.test(name);
}

const KAFKA_ARTIFACTS = /^(kafka-clients|kafka-streams|kafka_2\.1[0-3])$/;
/** A plain release version: `3.6.1`, `2.8.0`, `3.9.0-ccs`, not a range or a property. */
const VERSION = /^\d+(\.\d+){1,3}([-.][\w.-]+)?$/;

/**
 * The Kafka release of a `kafka-clients` version: itself (`3.6.1`, `3.7.0-SNAPSHOT` → `3.7.0`), or for
 * Confluent's builds (`7.6.0-ccs`, `7.6.0-ce`, Confluent Platform versions) the release that platform ships.
 */
function kafkaReleaseOf(version: string): string | undefined {
  const m = /^(\d+\.\d+(?:\.\d+)?)(?:-(\w+))?/.exec(version);
  if (!m) return undefined;
  if (m[2] === 'ccs' || m[2] === 'ce') return kafkaOfConfluentPlatform(m[1]);
  return m[1];
}

/** The one version of a list, or undefined when there is none or they disagree. */
function single(versions: readonly (string | undefined)[]): string | undefined | 'ambiguous' {
  if (versions.length === 0) return undefined;
  const known = [...new Set(versions)];
  return known.length === 1 && known[0] !== undefined && VERSION.test(known[0]) ? known[0] : 'ambiguous';
}

/** `kafka-clients`' version in a pom (see the module comment). */
function fromPom(text: string): Found {
  const xml = text.replace(/<!--[\s\S]*?-->/g, '');
  const properties = new Map<string, string>();
  for (const block of xml.match(/<properties>[\s\S]*?<\/properties>/g) ?? []) {
    for (const m of block.matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) properties.set(m[1], m[2]);
  }
  const found: (string | undefined)[] = [];
  const spring: (string | undefined)[] = [];
  for (const m of xml.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = m[1];
    const tag = (name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(body)?.[1];
    const kafka = tag('groupId') === 'org.apache.kafka' && KAFKA_ARTIFACTS.test(tag('artifactId') ?? '');
    const springKafka = tag('groupId') === 'org.springframework.kafka' && tag('artifactId') === 'spring-kafka';
    if (!kafka && !springKafka) continue;
    const written = tag('version');
    // No version: managed by a parent's (or this pom's) dependencyManagement, or a BOM.
    if (written === undefined) continue;
    const property = /^\$\{([\w.-]+)\}$/.exec(written)?.[1];
    (kafka ? found : spring).push(property ? properties.get(property) : written);
  }
  return clientsOrSpring(single(found), single(spring));
}

/** Assignments of strings in a Gradle script and `gradle.properties`: `kafkaVersion = "3.6.1"`, `ext.kafkaVersion = '…'`, `set("kafkaVersion", "…")`. */
function gradleVariables(script: string, properties: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (properties ?? '').split(/\r?\n/)) {
    const m = /^\s*([\w.-]+)\s*[=:]\s*(\S+)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out.set(m[1], m[2]);
  }
  for (const m of script.matchAll(/(?:^|[\s;{(])(?:(?:def|val|var|String)\s+)?(?:ext\.|project\.ext\.|extra\.)?([A-Za-z_][\w]*)\s*=\s*['"]([^'"$]+)['"]/g)) out.set(m[1], m[2]);
  for (const m of script.matchAll(/set\(\s*['"]([\w.-]+)['"]\s*,\s*['"]([^'"$]+)['"]\s*\)/g)) out.set(m[1], m[2]);
  return out;
}

/** `kafka-clients`' version in a Gradle script (see the module comment). */
function fromGradle(text: string, properties: string | undefined): Found {
  const script = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/[^\n]*/g, '$1');
  const variables = gradleVariables(script, properties);
  const resolve = (written: string): string | undefined => {
    const variable = /^\$\{?([A-Za-z_][\w.]*)\}?$/.exec(written)?.[1];
    if (variable) return variables.get(variable) ?? variables.get(variable.replace(/^(project|rootProject)\./, ''));
    return written.includes('$') ? undefined : written;
  };
  const found: (string | undefined)[] = [];
  for (const m of script.matchAll(/['"]org\.apache\.kafka:([\w.-]+):([^'"@]+)(?:@\w+)?['"]/g)) {
    if (KAFKA_ARTIFACTS.test(m[1])) found.push(resolve(m[2]));
  }
  const spring: (string | undefined)[] = [];
  for (const m of script.matchAll(/['"]org\.springframework\.kafka:spring-kafka:([^'"@]+)(?:@\w+)?['"]/g)) spring.push(resolve(m[1]));
  for (const m of script.matchAll(/group\s*[:=]\s*['"]org\.apache\.kafka['"]\s*,\s*name\s*[:=]\s*['"]([\w.-]+)['"]\s*,\s*version\s*[:=]\s*['"]([^'"]+)['"]/g)) {
    if (KAFKA_ARTIFACTS.test(m[1])) found.push(resolve(m[2]));
  }
  return clientsOrSpring(single(found), single(spring));
}

/** `kafka-clients`' version in a Gradle version catalog (`[versions]` and `[libraries]` of libs.versions.toml). */
function fromCatalog(text: string): string | undefined | 'ambiguous' {
  const section = (name: string) => new RegExp(`^\\[${name}\\][^\\n]*\\n([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text)?.[1] ?? '';
  const versions = new Map<string, string>();
  for (const m of section('versions').matchAll(/^\s*([\w.-]+)\s*=\s*"([^"]+)"/gm)) versions.set(m[1], m[2]);
  const found: (string | undefined)[] = [];
  for (const line of section('libraries').split('\n')) {
    const inline = /"org\.apache\.kafka:([\w.-]+):([^"]+)"/.exec(line);
    if (inline) {
      if (KAFKA_ARTIFACTS.test(inline[1])) found.push(inline[2]);
      continue;
    }
    const module = /module\s*=\s*"org\.apache\.kafka:([\w.-]+)"/.exec(line) ?? (/group\s*=\s*"org\.apache\.kafka"/.test(line) ? /name\s*=\s*"([\w.-]+)"/.exec(line) : null);
    if (!module || !KAFKA_ARTIFACTS.test(module[1])) continue;
    const ref = /version\.ref\s*=\s*"([\w.-]+)"/.exec(line)?.[1];
    found.push(ref ? versions.get(ref) : /version\s*=\s*"([^"]+)"/.exec(line)?.[1]);
  }
  return single(found);
}

/** kafka-python's exact pin in a requirements file or a pyproject (`kafka-python==2.0.2`, Poetry's `kafka-python = "2.0.2"`). */
function fromPython(text: string, pyproject: boolean): string | undefined | 'ambiguous' {
  const found: (string | undefined)[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const poetry = pyproject ? /^kafka[-_.]python\s*=\s*(?:"([^"]+)"|\{[^}]*version\s*=\s*"([^"]+)")/i.exec(line) : null;
    if (poetry) {
      const v = poetry[1] ?? poetry[2];
      found.push(v && /^=?=?\d/.test(v) ? v.replace(/^==?/, '') : undefined);
      continue;
    }
    const pip = /(?:^|["'\s])kafka[-_.]python\s*(\[[^\]]*\])?\s*(===?|~=|>=|<=|!=|>|<)?\s*([^;,"'\s]*)/i.exec(line);
    if (pip) found.push(pip[2] === '==' || pip[2] === '===' ? pip[3] : undefined);
  }
  return single(found);
}

/**
 * What the build files (nearest first: the file's folder, then its parents) pin. For each library the nearest
 * file that names it with a version decides; one that names it ambiguously (a range, two versions) decides
 * that no version is known.
 */
export function projectVersions(files: readonly BuildFile[]): ProjectVersions {
  let kafkaClients: ProjectVersions['kafkaClients'];
  let kafkaPython: ProjectVersions['kafkaPython'];
  let clientsDecided = false;
  let pythonDecided = false;
  const propertiesOf = (folder: string) => files.find((f) => splitPath(f.path).folder === folder && splitPath(f.path).name === 'gradle.properties')?.text;
  for (const file of files) {
    const { folder, name } = splitPath(file.path);
    let clients: Found = { version: undefined };
    let python: string | undefined | 'ambiguous';
    if (name === 'pom.xml') clients = fromPom(file.text);
    else if (name === 'build.gradle' || name === 'build.gradle.kts') clients = fromGradle(file.text, propertiesOf(folder));
    else if (name === 'libs.versions.toml') clients = { version: fromCatalog(file.text) };
    else if (name === 'pyproject.toml') python = fromPython(file.text, true);
    else if (isBuildFileName(name) && name.endsWith('.txt')) python = fromPython(file.text, false);
    if (!clientsDecided && clients.version !== undefined) {
      clientsDecided = true;
      const version = clients.version === 'ambiguous' ? undefined : kafkaReleaseOf(clients.version);
      if (version) kafkaClients = { version, file: name, ...(clients.via ? { via: clients.via } : {}) };
    }
    if (!pythonDecided && python !== undefined) {
      pythonDecided = true;
      if (python !== 'ambiguous') kafkaPython = { version: python, file: name };
    }
  }
  return { ...(kafkaClients ? { kafkaClients } : {}), ...(kafkaPython ? { kafkaPython } : {}) };
}

/** True for a client group the project's Java client version applies to (not brokers, topics or Connect). */
function isJavaClient(group: ConfigGroup): boolean {
  return (group.library === 'java' || group.library === 'spring') && group.kafkaVersion === undefined && !group.roles.some((r) => r === 'broker' || r === 'topic' || r === 'connect');
}

/**
 * A document's client groups given the versions its project pins: Java and Spring clients take the
 * `kafka-clients` version as their Kafka version, kafka-python clients their library version (unless the file
 * itself says). The document itself when nothing applies.
 */
export function withProjectVersions(document: AnalyzedDocument, versions: ProjectVersions | undefined): AnalyzedDocument {
  if (!versions || (!versions.kafkaClients && !versions.kafkaPython) || !document.isKafka) return document;
  const groups = withVersions(document.groups, versions);
  const parts = document.parts?.map((p) => withProjectVersions(p, versions));
  if (groups === document.groups && (!parts || parts.every((p, i) => p === document.parts![i]))) return document;
  return { ...document, groups, ...(parts ? { parts } : {}) };
}

function withVersions(groups: readonly ConfigGroup[], versions: ProjectVersions): readonly ConfigGroup[] {
  let changed = false;
  const out = groups.map((group) => {
    if (versions.kafkaClients && isJavaClient(group)) {
      changed = true;
      const { version, file, via } = versions.kafkaClients;
      return { ...group, kafkaVersion: version, versionSource: file, ...(via ? { versionVia: via } : {}) };
    }
    if (versions.kafkaPython && group.library === 'kafka-python' && group.libraryVersion === undefined) {
      changed = true;
      return { ...group, libraryVersion: versions.kafkaPython.version, versionSource: versions.kafkaPython.file };
    }
    return group;
  });
  return changed ? out : groups;
}
