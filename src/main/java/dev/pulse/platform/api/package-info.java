/**
 * HTTP plumbing shared by every API family: the four error envelopes ({@link dev.pulse.platform.api.ApiFamily}),
 * the exception mappers, the body size limit and the request log.
 */
package dev.pulse.platform.api;
