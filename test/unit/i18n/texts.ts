import { EN } from '../../../server/src/core/i18n/en/index';
import { ZH_CN } from '../../../server/src/core/i18n/zh-cn/index';

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
  return Object.entries(EN as Readonly<Record<string, string>>).map(([key, english]) => ({ where: `catalogue ${key}`, english, chinese: zh[key] }));
}

/** Every Chinese text of the product. */
export function chineseTexts(): ChineseText[] {
  return translatedPairs().map((p) => ({ where: p.where, text: p.chinese }));
}
