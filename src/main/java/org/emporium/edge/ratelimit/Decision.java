package org.emporium.edge.ratelimit;

/**
 * The answer of one check, as the client sees it: the bucket closest to empty (or the one that
 * refused) with its capacity, the whole requests left, the seconds until it is full again and, when
 * refused, the seconds until one more request passes.
 */
public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
