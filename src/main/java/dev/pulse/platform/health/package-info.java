/** MicroProfile Health checks: /health/live and /health/ready. */
package dev.pulse.platform.health;
