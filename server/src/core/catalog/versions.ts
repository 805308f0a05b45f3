/**
 * Kafka versions the catalog knows, oldest first, and version comparison.
 * Defaults in the catalog are keyed by the first version that has them.
 */
export const KAFKA_VERSIONS = [
  '0.10.0', '0.10.1', '0.10.2', '0.11.0', '1.0', '1.1', '2.0', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8',
  '3.0', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '4.0', '4.1',
] as const;

/** The newest version in the catalog: the default `kafkaLint.kafkaVersion`. */
export const NEWEST_KAFKA_VERSION: string = KAFKA_VERSIONS[KAFKA_VERSIONS.length - 1];

/** Compares dotted versions numerically (`2.10` > `2.9`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** True when `version` is at least `since`. */
export function isAtLeast(version: string, since: string): boolean {
  return compareVersions(version, since) >= 0;
}
