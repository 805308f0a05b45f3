import { CLI } from './cli';
import { COMMON } from './common';
import { DEPLOYMENT } from './deployment';
import { CONFIG_RULES } from './rules-config';
import { BROKER_RULES } from './rules-broker';
import { CONSUMER_RULES } from './rules-consumer';
import { PRODUCER_RULES } from './rules-producer';
import { REPORT } from './report';
import { SCANNERS } from './scanners';
import { SETTINGS } from './settings';
import { FORMATS } from './formats';
import { HOVER } from './hover';

/**
 * The English catalogue: every user-facing text, by key. It is the source of the key type and of the
 * placeholders each text takes; every other language translates exactly these keys (../zh-cn/index.ts).
 * One area file per part of the product; a key lives in one area only (test/unit/i18n-catalogue.test.ts).
 */
export const AREAS_EN = { COMMON, PRODUCER_RULES, BROKER_RULES, CONSUMER_RULES, CONFIG_RULES, SCANNERS, SETTINGS, FORMATS, CLI, REPORT, DEPLOYMENT, HOVER } as const;

export const EN = { ...COMMON, ...PRODUCER_RULES, ...BROKER_RULES, ...CONSUMER_RULES, ...CONFIG_RULES, ...SCANNERS, ...SETTINGS, ...FORMATS, ...CLI, ...REPORT, ...DEPLOYMENT, ...HOVER } as const;
