package org.passerelle.agreements.targets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetChartTest {

    @Test
    void theChartIsAnSvgABrowserScalesWithEveryYearAndTheImportedOnesMarked() throws Exception {
        var years = List.of(
                new TargetProgress.Year("2024/2025", 30, 31, 0, 2, 10, 5, 0, 1, TargetProgress.Standing.ON_TRACK),
                new TargetProgress.Year("2025/2026", 40, 12, 0, 6, 3, 0, 0, 0, TargetProgress.Standing.BEHIND));
        var progress = new TargetProgress(UUID.randomUUID(), Target.Counts.ACCEPTED, "2025/2026", TargetProgress.Standing.BEHIND,
                TargetProgress.COUNTING_RULE, years, List.of(new TargetHistory.ImportedYear("2023/2024", 333)));

        String svg = TargetChart.svg("Inbound students from the French partners", progress);
        // kept for a look in a browser: target/target-chart.svg
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "target-chart.svg"), svg);

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("0 0 800 450", root.getAttribute("viewBox"));
        for (String text : List.of("Inbound students from the French partners", "2023/2024", "2024/2025", "2025/2026",
                "Imported (records before Passerelle)", "Expected on the way to the goal")) {
            assertTrue(svg.contains(text), "the chart shows " + text);
        }
    }
}
