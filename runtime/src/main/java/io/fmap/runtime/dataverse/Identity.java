package io.fmap.runtime.dataverse;

/**
 * One application user fmap writes as. Service-protection limits are per user, so pooling several
 * identities is how one migration goes faster.
 *
 * @param clientId  the Entra application (client) id
 * @param secretEnv the environment variable holding its client secret (the secret itself is never in a file)
 * @param secret    the secret read from that variable
 */
public record Identity(String clientId, String secretEnv, Secret secret) {}
