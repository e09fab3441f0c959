package io.fmap.runtime.owner;

import java.util.List;

/** A target directory given as lists, standing in for the Dataverse systemusers query. */
record FixedDirectory(List<TargetUser> users, List<TargetTeam> teams) implements TargetDirectory {}
