/** Runs Pulse locally: embedded PostgreSQL plus Payara Micro. Compiled with the WAR but not packaged in it. */
package dev.pulse.platform.launcher;
