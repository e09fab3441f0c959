package io.fmap.schema;

/** Dataverse OwnershipType: a USER owned table needs ownerid on every row fmap writes. */
public enum Ownership { USER, ORGANIZATION, NONE }
