/**
 * Application metrics through one port ({@link dev.pulse.platform.metrics.Meter}): MicroProfile Metrics
 * where the server has it, nothing (logged once) where it does not.
 */
package dev.pulse.platform.metrics;
