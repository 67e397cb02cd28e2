package io.github.wazodeb.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The samples of one tool on one shape with one compression. */
final class Cell {
    final Shape shape;
    final String compression;
    final Tool tool;
    /** The runtime of the command's JVM ("Java 17"), or null for the reference and the in-process API. */
    final String runtime;
    final List<Sample> samples = new ArrayList<>();

    Cell(Shape shape, String compression, Tool tool) {
        this(shape, compression, tool, null);
    }

    Cell(Shape shape, String compression, Tool tool, String runtime) {
        this.shape = shape;
        this.compression = compression;
        this.tool = tool;
        this.runtime = runtime;
    }

    String label() {
        return runtime == null ? tool.label : tool.label + ", " + runtime;
    }

    double median() {
        List<Double> walls = samples.stream().map(Sample::wallSeconds).sorted().toList();
        int n = walls.size();
        return n % 2 == 1 ? walls.get(n / 2) : (walls.get(n / 2 - 1) + walls.get(n / 2)) / 2;
    }

    double min() {
        return samples.stream().mapToDouble(Sample::wallSeconds).min().orElse(Double.NaN);
    }

    double max() {
        return samples.stream().mapToDouble(Sample::wallSeconds).max().orElse(Double.NaN);
    }

    long peakRssKiB() {
        return samples.stream().mapToLong(Sample::peakRssKiB).max().orElse(0);
    }

    long size() {
        return samples.stream().max(Comparator.comparingDouble(Sample::wallSeconds)).map(Sample::debSize).orElse(0L);
    }
}
