/** Bounded in-memory caches: one way to make them ({@link dev.pulse.platform.cache.Caches}). */
package dev.pulse.platform.cache;
