package io.github.wazodeb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Wall time against payload size, log-log, one line per tool and compression (XChart), for the shapes that
 * differ by size (small, medium, large). The 100,000-file shape costs by its number of files, not its
 * bytes: on the same line it would read as a step backwards, so it stays in the tables only.
 */
final class Chart {

    private Chart() {
    }

    static void draw(List<Cell> cells, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("wazo-deb and the dpkg-deb pipeline: median wall time per package (small, medium, large)")
                .xAxisTitle("payload (MiB)").yAxisTitle("wall time (s)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        Map<String, List<Cell>> lines = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (cell.tool != Tool.API_WARM && cell.shape != Shape.MANY) {
                lines.computeIfAbsent(cell.label() + ", " + cell.compression, k -> new ArrayList<>()).add(cell);
            }
        }
        for (Map.Entry<String, List<Cell>> line : lines.entrySet()) {
            List<Cell> points = new ArrayList<>(line.getValue());
            points.sort((a, b) -> Long.compare(size(a), size(b)));
            double[] x = points.stream().mapToDouble(c -> Math.max(size(c), 1024) / 1048576.0).toArray();
            double[] y = points.stream().mapToDouble(Cell::median).toArray();
            XYSeries series = chart.addSeries(line.getKey(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            if (line.getKey().startsWith(Tool.DPKG_DEB.label)) {
                series.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        }
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static long size(Cell cell) {
        return Report.payloadSize.getOrDefault(cell.shape, 0L);
    }
}
