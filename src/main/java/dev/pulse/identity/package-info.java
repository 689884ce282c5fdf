/**
 * One identity for every API family: accounts, academies with their roles and capabilities,
 * cohorts, and API clients. Endpoints: /v1/auth/* (login, me), /v1/admin/* (platform
 * administration) and /analytics/token (OAuth 2 client credentials for integrators).
 */
package dev.pulse.identity;
