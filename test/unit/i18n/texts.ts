import { EN } from '../../../server/src/core/i18n/en/index';
import { ZH_CN } from '../../../server/src/core/i18n/zh-cn/index';
import type { LibraryId } from '../../../server/src/core/model';
import { libraryName } from '../../../server/src/core/rules/support';
import { keyDocPairs } from './key-docs-texts';
import { CLIENT_BUNDLE_ZH_CN_PATH, NLS_EN_PATH, NLS_ZH_CN_PATH, readBundle } from '../manifest-nls';

/** Every client library: their names go into Chinese messages unchanged. */
const LIBRARIES: readonly LibraryId[] = ['java', 'spring', 'kafkajs', 'confluent-js', 'librdkafka', 'kafka-python', 'sarama', 'franz-go', 'kafka-go'];

/** One Chinese text the checks read, with where it comes from (for messages). */
export interface ChineseText {
  readonly where: string;
  readonly text: string;
}

/** A Chinese text with the English text it translates. */
export interface TranslatedPair {
  readonly where: string;
  readonly english: string;
  readonly chinese: string;
}

/** Every text of the product with its translation: the catalogue, and (as they are added) key docs, pages and manifests. */
export function translatedPairs(): TranslatedPair[] {
  const zh = ZH_CN as Readonly<Record<string, string>>;
  const catalogue = Object.entries(EN as Readonly<Record<string, string>>).map(([key, english]) => ({ where: `catalogue ${key}`, english, chinese: zh[key] }));
  const keyDocs = keyDocPairs().map((p) => ({ where: `key catalog ${p.where}`, english: p.english, chinese: p.chinese ?? '' }));
  const nlsZh = readBundle(NLS_ZH_CN_PATH);
  const nls = Object.entries(readBundle(NLS_EN_PATH)).map(([key, english]) => ({ where: `package.nls ${key}`, english, chinese: nlsZh[key] ?? '' }));
  const client = Object.entries(readBundle(CLIENT_BUNDLE_ZH_CN_PATH)).map(([english, chinese]) => ({ where: `l10n ${english}`, english, chinese }));
  return [...catalogue, ...keyDocs, ...nls, ...client];
}

/** Every Chinese text of the product. */
export function chineseTexts(): ChineseText[] {
  return [
    ...translatedPairs().map((p) => ({ where: p.where, text: p.chinese })),
    { where: 'library names in messages', text: LIBRARIES.map(libraryName).join(' ') },
  ];
}
