package dev.strata.rebuild;

import dev.strata.compare.Comparison;
import java.time.Duration;

/**
 * The comparison of the images of two builds.
 *
 * @param a the first build's number
 * @param b the second build's number
 * @param comparison what {@code strata compare} says about them
 * @param time how long reading and comparing both images took
 */
public record PairComparison(int a, int b, Comparison comparison, Duration time) {}
