package io.github.wazodeb.bench;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Markdown tables: one per compression, a row per shape and tool, ratios to the dpkg-deb pipeline. */
final class Report {

    static final Map<Shape, Long> payloadSize = new EnumMap<>(Shape.class);

    private Report() {
    }

    static void print(PrintStream out, List<Cell> cells, List<String> compressions, List<String> loads) {
        for (String compression : compressions) {
            out.println("### " + compression);
            out.println();
            out.println("| shape | payload | tool | median wall (s) | min-max (s) | runs | peak RSS (MiB) | .deb (bytes) | ratio to dpkg-deb |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            for (Cell cell : cells) {
                if (!cell.compression.equals(compression)) {
                    continue;
                }
                Optional<Cell> reference = cells.stream().filter(c -> c.shape == cell.shape
                        && c.compression.equals(compression) && c.tool == Tool.DPKG_DEB).findFirst();
                String ratio = reference.map(r -> String.format("%.2fx", cell.median() / r.median())).orElse("");
                out.printf("| %s | %s | %s | %s | %s-%s | %d | %s | %d | %s |%n", cell.shape.id,
                        mib(payloadSize.getOrDefault(cell.shape, 0L)), cell.label(), seconds(cell.median()),
                        seconds(cell.min()), seconds(cell.max()), cell.samples.size(),
                        cell.peakRssKiB() == 0 ? "(in process)" : Long.toString(cell.peakRssKiB() / 1024),
                        cell.size(), ratio);
            }
            out.println();
        }
        out.println("1-minute load average before each pair of runs: " + String.join(", ", loads));
    }

    static String mib(long bytes) {
        return bytes < 1048576 ? String.format("%.0f KiB", bytes / 1024.0) : String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static String seconds(double s) {
        return s < 0.1 ? String.format("%.4f", s) : String.format("%.2f", s);
    }
}
