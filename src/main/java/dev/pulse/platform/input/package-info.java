/**
 * Reading client input, once for every feature: request bodies as JSON-P objects
 * ({@link dev.pulse.platform.input.JsonBodies}), fields checked one by one with every problem collected
 * into one 400 ({@link dev.pulse.platform.input.JsonFields}) in the wording of the API family
 * ({@link dev.pulse.platform.input.FieldMessages}), and the value types every API shares: page requests,
 * keyset cursors, slugs, {@code urn:uuid} URNs, numeric ids and timestamps PostgreSQL can store.
 * Bodies whose family needs no exact legacy texts use validated records (JSON-B and Bean Validation) instead.
 */
package dev.pulse.platform.input;
