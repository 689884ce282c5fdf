/**
 * HTTP plumbing shared by every API family: the four error envelopes ({@link dev.pulse.platform.api.ApiFamily}),
 * the {@link dev.pulse.platform.api.Family} each resource declares, the exception mappers that answer in the
 * matched resource's family, the body size limit and the request log.
 */
package dev.pulse.platform.api;
