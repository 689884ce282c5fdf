/**
 * Caliper ingestion for institutional integrators: the analytics hub's {@code grade2} endpoint,
 * IMS Caliper 1.2 envelopes, idempotent storage of every event as JSONB plus the columns that
 * queries filter on, and a query API that shows each API client only its own events.
 * <p>
 * The wire rules are pure: {@link dev.pulse.caliper.CaliperValidator} sends an event to
 * {@link dev.pulse.caliper.Grade2Rules} (the hub's grade2 table) or {@link dev.pulse.caliper.Caliper12Rules}
 * (Caliper 1.2, with the vocabulary of {@link dev.pulse.caliper.CaliperTerms}); {@link dev.pulse.caliper.EnvelopeRules}
 * checks envelopes, {@link dev.pulse.caliper.FieldChecks} words every problem in
 * {@link dev.pulse.caliper.CaliperFieldMessages}' form.
 * {@link dev.pulse.caliper.CaliperIngestion} applies the client rules (edApp through
 * {@link dev.pulse.caliper.ClientEdApps}, account links through {@link dev.pulse.caliper.AssigneeAccounts},
 * idempotency); {@link dev.pulse.caliper.CaliperEventStore} writes batches with plain JDBC, and
 * {@link dev.pulse.platform.persistence.GroupCommit} merges concurrent single-event requests into one transaction.
 * {@link dev.pulse.caliper.CaliperEvents} reads stored events as {@link dev.pulse.caliper.CaliperEvent} records,
 * the only shape other features see. The resources read bodies through {@link dev.pulse.caliper.CaliperBodyLimit} (below the platform limit their {@code @BodyLimit} sets)
 * and answer with the bodies {@link dev.pulse.caliper.CaliperJson} builds.
 */
package dev.pulse.caliper;
