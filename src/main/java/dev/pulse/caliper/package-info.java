/**
 * Caliper ingestion for institutional integrators: the analytics hub's {@code grade2} endpoint,
 * IMS Caliper 1.2 envelopes, idempotent storage of every event as JSONB plus the columns that
 * queries filter on, and a query API that shows each API client only its own events.
 * <p>
 * {@link dev.pulse.caliper.CaliperValidator} holds every wire rule and is pure;
 * {@link dev.pulse.caliper.CaliperIngestion} applies the client rules (edApp, account links, idempotency);
 * {@link dev.pulse.caliper.CaliperEventStore} writes batches with plain JDBC, and
 * {@link dev.pulse.caliper.GroupCommit} merges concurrent single-event requests into one transaction.
 */
package dev.pulse.caliper;
