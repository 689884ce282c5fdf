/**
 * Pulse's web pages (the API page, the live board, the academy dashboard): their own files from the WAR's
 * {@code src/main/webapp}, library files from webjars, all served through {@link dev.pulse.platform.web.WebPage}.
 */
package dev.pulse.platform.web;
