package io.github.wazodeb.bench;

/** One timed run: wall seconds, peak RSS in KiB (0 when not measured), package size in bytes. */
record Sample(double wallSeconds, long peakRssKiB, long debSize) {
}
