package io.paykit.json;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks an {@link java.time.Instant} that travels as 聚易付's local time {@code yyyy-M-d HH:mm:ss} in
 * Asia/Shanghai, with or without zero padding ({@code 2003-1-1 0:00:00} and {@code 2003-01-01
 * 00:00:00} are both read).
 */
@Documented
@JsonQualifier
@Retention(RUNTIME)
public @interface ShanghaiDateTime {}
