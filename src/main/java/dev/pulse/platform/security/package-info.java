/**
 * Tokens and callers: RS256 signing ({@link dev.pulse.platform.security.TokenIssuer}), MicroProfile JWT
 * validation, the header mapping of every API family ({@link dev.pulse.platform.security.CallerFilter})
 * and BreatheCode's academy capability check ({@link dev.pulse.platform.security.Capable}).
 */
package dev.pulse.platform.security;
