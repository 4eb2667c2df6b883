package io.paykit.json;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks an {@link java.time.Instant} that travels as Unix epoch seconds ({@code 1541051068}); a
 * 13-digit value is read as milliseconds, and a numeric string is accepted.
 */
@Documented
@JsonQualifier
@Retention(RUNTIME)
public @interface EpochSeconds {}
