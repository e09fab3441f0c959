package io.fmap.runtime.exec.preflight;

/**
 * One record that would not land as mapped.
 *
 * @param code    what is wrong: a mapping error code ({@code MISSING_VALUE}, {@code UNMAPPED_VALUE}, ...)
 *                or a target rule ({@code TOO_LONG}, {@code MISSING_REQUIRED}, {@code UNKNOWN_OPTION},
 *                {@code BROKEN_REFERENCE}, {@code PARENT_CYCLE})
 * @param record  {@code Object/id}
 * @param message one sentence naming the field or column and the value's problem
 */
public record Finding(String code, String record, String message) {}
