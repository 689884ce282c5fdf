/** The human-readable API page at /docs: Swagger UI from its webjar, reading the served /openapi document. */
package dev.pulse.platform.docs;
