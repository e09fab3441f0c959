package io.fmap.schema;

/** Dataverse AttributeRequiredLevel. The checker insists on SYSTEM_REQUIRED and APPLICATION_REQUIRED. */
public enum RequiredLevel { NONE, RECOMMENDED, APPLICATION_REQUIRED, SYSTEM_REQUIRED }
