package org.passerelle.agreements.ewp;

import org.junit.jupiter.api.Test;
import org.passerelle.agreements.AgreementContent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Export of N agreements as IIA get responses (mapping, XML, the specification's XSLT hash on Saxon, writing) and
 * import of N IIA files (DOCTYPE check, schema validation, mapping to a draft's content), in one JVM, without HTTP
 * or database. Its name matches none of surefire's default patterns, so the suite never runs it; run on demand
 * (docs/performance.md):
 *
 * <pre>./mvnw -q -B test -pl agreements-service -am -Dtest=IiaBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The main method takes the agreements (200) and the rounds (3; the first warms the JVM up, each is printed).
 */
public final class IiaBenchmark {

    @Test
    void exportAndImportOf200() {
        main(new String[] {"200", "3"});
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<AgreementContent> agreements = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var content = IiaFormatTest.lyonAgreement();
            content.conditions().get(0).placesPerYear = 1 + i % 50;   // each agreement, and so each file, differs
            agreements.add(content);
            ids.add(UUID.randomUUID());
        }
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                var iia = IiaMapping.toIia(ids.get(i), agreements.get(i), true, "sjtu.edu.cn", Map.of(), Locale.ENGLISH);
                var doc = IiaXml.getResponse(List.of(iia));
                IiaHash.fill(doc);
                files.add(IiaXml.serialize(doc));
            }
            long exported = System.nanoTime();
            int conditions = 0;
            for (byte[] file : files) {
                for (Iia iia : IiaXml.readGetResponse(file)) {
                    conditions += IiaMapping.fromIia(iia, "iia[1].", IiaFormatTest.KNOWN).content().conditions().size();
                }
            }
            long imported = System.nanoTime();
            long bytes = files.stream().mapToLong(f -> f.length).sum();
            System.out.printf(Locale.ROOT, "round %d: export of %d agreements %d ms (%d KiB of XML); import of %d files %d ms (%d conditions)%n",
                    round, count, (exported - start) / 1_000_000, bytes / 1024, count, (imported - exported) / 1_000_000, conditions);
        }
    }
}
