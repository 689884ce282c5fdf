/**
 * Tokens and callers: RS256 signing ({@link dev.pulse.platform.security.TokenIssuer}), MicroProfile JWT
 * validation, the header mapping of every API family ({@link dev.pulse.platform.security.CallerFilter})
 * and BreatheCode's academy capability check ({@link dev.pulse.platform.security.Capabilities}, applied
 * to {@link dev.pulse.platform.security.Capable} operations). Academies and roles belong to identity,
 * which answers the {@link dev.pulse.platform.security.AcademyCapabilities} port, so this package
 * depends on no feature.
 */
package dev.pulse.platform.security;
