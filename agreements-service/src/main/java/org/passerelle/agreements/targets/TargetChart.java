package org.passerelle.agreements.targets;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A target's progress as an SVG chart, drawn by JFreeChart onto Batik's SVG Graphics2D: per academic year, the
 * mobilities counted (in blue) and the imported counts of the years before Passerelle (in grey, marked so in the
 * legend) as stacked bars, against the expected number on the way to the goal (the line). A browser shows it as it is
 * and it scales to the room it is given (viewBox).
 */
public final class TargetChart {

    public static final String MEDIA_TYPE = "image/svg+xml";

    static final int WIDTH = 800;
    static final int HEIGHT = 450;
    private static final String COUNTED = "Counted (mobilities)";
    private static final String IMPORTED = "Imported (records before Passerelle)";
    private static final String EXPECTED = "Expected on the way to the goal";

    private TargetChart() {
    }

    /** The chart of a target's progress, titled with the target's title. */
    public static String svg(String title, TargetProgress progress) {
        var bars = new DefaultCategoryDataset();
        var goal = new DefaultCategoryDataset();
        for (var year : progress.history()) {
            if (progress.years().stream().noneMatch(y -> y.academicYear().equals(year.academicYear()))) {
                bars.addValue(0, COUNTED, year.academicYear());
                bars.addValue(year.students(), IMPORTED, year.academicYear());
            }
        }
        for (var year : progress.years()) {
            bars.addValue(year.counted() - year.imported(), COUNTED, year.academicYear());
            bars.addValue(year.imported(), IMPORTED, year.academicYear());
            goal.addValue(year.expected(), EXPECTED, year.academicYear());
        }
        return render(chart(title, bars, goal));
    }

    private static JFreeChart chart(String title, DefaultCategoryDataset bars, DefaultCategoryDataset goal) {
        var barRenderer = new StackedBarRenderer();
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, new Color(0x1f5fa8));
        barRenderer.setSeriesPaint(1, new Color(0x9e9e9e));
        var plot = new CategoryPlot(bars, new CategoryAxis("Academic year"), new NumberAxis("Students"), barRenderer);
        var lineRenderer = new LineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, new Color(0xd35400));
        plot.setDataset(1, goal);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String render(JFreeChart chart) {
        var document = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
        var graphics = new SVGGraphics2D(document);
        graphics.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        var root = graphics.getRoot();
        root.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        var out = new StringWriter();
        try {
            graphics.stream(root, out, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("writing SVG in memory", e);
        } finally {
            graphics.dispose();
        }
        return out.toString();
    }
}
