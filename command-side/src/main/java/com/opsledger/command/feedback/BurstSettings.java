package com.opsledger.command.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When a duplicate group counts as a burst: {@code threshold} members within {@code window}
 * ({@code opsledger.feedback.burst.*}).
 */
@Validated
@ConfigurationProperties("opsledger.feedback.burst")
record BurstSettings(@Min(2) @Max(FeedbackGroup.MAX_BURST_THRESHOLD) int threshold, @NotNull Duration window) {
}
