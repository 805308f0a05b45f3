import type { AREAS_EN, EN } from '../en/index';
import type { PlaceholderMismatches } from '../placeholders';
import { CLI_ZH_CN } from './cli';
import { COMMON_ZH_CN } from './common';
import { DEPLOYMENT_ZH_CN } from './deployment';
import { CONFIG_RULES_ZH_CN } from './rules-config';
import { BROKER_RULES_ZH_CN } from './rules-broker';
import { CONSUMER_RULES_ZH_CN } from './rules-consumer';
import { PRODUCER_RULES_ZH_CN } from './rules-producer';
import { REPORT_ZH_CN } from './report';
import { SCANNERS_ZH_CN } from './scanners';
import { SETTINGS_ZH_CN } from './settings';
import { FORMATS_ZH_CN } from './formats';
import { HOVER_ZH_CN } from './hover';

/** 简体中文目录，按领域分文件，与英文目录（../en/index.ts）一一对应。 */
export const AREAS_ZH_CN = {
  COMMON: COMMON_ZH_CN,
  PRODUCER_RULES: PRODUCER_RULES_ZH_CN,
  BROKER_RULES: BROKER_RULES_ZH_CN,
  CONSUMER_RULES: CONSUMER_RULES_ZH_CN,
  CONFIG_RULES: CONFIG_RULES_ZH_CN,
  SCANNERS: SCANNERS_ZH_CN,
  SETTINGS: SETTINGS_ZH_CN,
  FORMATS: FORMATS_ZH_CN,
  CLI: CLI_ZH_CN,
  REPORT: REPORT_ZH_CN,
  DEPLOYMENT: DEPLOYMENT_ZH_CN,
  HOVER: HOVER_ZH_CN,
} as const satisfies { readonly [A in keyof typeof AREAS_EN]: unknown };

export const ZH_CN = {
  ...COMMON_ZH_CN,
  ...PRODUCER_RULES_ZH_CN,
  ...BROKER_RULES_ZH_CN,
  ...CONSUMER_RULES_ZH_CN,
  ...CONFIG_RULES_ZH_CN,
  ...SCANNERS_ZH_CN,
  ...SETTINGS_ZH_CN,
  ...FORMATS_ZH_CN,
  ...CLI_ZH_CN,
  ...REPORT_ZH_CN,
  ...DEPLOYMENT_ZH_CN,
  ...HOVER_ZH_CN,
} as const;

/**
 * Compile-time check that every Chinese text has exactly the placeholders of its English text: a mismatch
 * makes this `{}` lack a property named after the key, and `tsc` fails with that key in the message.
 */
export const PLACEHOLDERS_MATCH: PlaceholderMismatches<typeof EN, typeof ZH_CN> = {};
