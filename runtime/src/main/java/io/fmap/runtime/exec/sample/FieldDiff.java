package io.fmap.runtime.exec.sample;

/**
 * One mapped column of one sampled record, all values in their normalised text form.
 *
 * @param column      target column logical name ({@code parentcustomerid} for a lookup)
 * @param sourceField the source field the value came from unchanged, or the referenced record
 *                    ({@code Company/12}) for a lookup; null when the mapping computed it
 * @param sourceValue that field's value; null when there is no such field
 * @param expected    the value the plan's row carries
 * @param actual      the value read back from the target
 */
public record FieldDiff(String column, String sourceField, String sourceValue, String expected, String actual,
    FieldStatus status) {}
