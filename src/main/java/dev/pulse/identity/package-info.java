/**
 * One identity for every API family: accounts, academies with their roles and capabilities,
 * cohorts, and API clients. Endpoints: /v1/auth/* (login, me), /v1/admin/* (platform
 * administration) and /analytics/token (OAuth 2 client credentials for integrators).
 * Requests learn about an account from {@link dev.pulse.identity.AccountStates}, which remembers
 * each account's state between requests; every write that changes it fires
 * {@link dev.pulse.identity.AccountChanged}.
 */
package dev.pulse.identity;
