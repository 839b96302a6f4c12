import type { MetricRoles } from '../../document/roles.js';
/**
 * JMeter's names for what the gate judges: a sample's `elapsed` time is the request latency, the
 * `samples` counter counts requests and the `failed` rate is the share of samples JMeter marked
 * unsuccessful (`success=false`). The names are JMeter's own words (`elapsed`, `success`); the readers
 * in this folder write exactly these metrics.
 */
export declare const JMETER_ROLES: MetricRoles;
