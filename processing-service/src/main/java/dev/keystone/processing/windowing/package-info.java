/**
 * Event-time windows that stay exact however far apart the partitions of
 * {@code events.raw} are in event time. Each raw partition keeps its own clock, judges
 * lateness by it and sums its own events per window; a window's sums travel to the
 * merging task only when that partition's clock has passed it, followed by a watermark
 * sent to every merging task. A merging task closes a window once every raw partition's
 * watermark has passed it, so no partition's events arrive after the total was emitted.
 * Distinct sessions add up across partitions because a session belongs to one device and
 * a device's events share a partition.
 */
package dev.keystone.processing.windowing;
