package io.fmap.emulator.dataverse;

import java.util.List;
import java.util.UUID;

/** Ids a client or test needs to know about the seeded org. */
public record SeededOrg(UUID organizationId, UUID businessUnitId, UUID teamId, List<UUID> userIds, UUID disabledUserId) {}
