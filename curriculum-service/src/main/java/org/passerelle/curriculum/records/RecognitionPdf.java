package org.passerelle.curriculum.records;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recognised results as a PDF transcript, its labels in French, English or Chinese. Latin text is set in Helvetica
 * and Chinese in STSong-Light, one of the Adobe CJK fonts a PDF may name without embedding (OpenPDF carries its metrics
 * and the UniGB-UCS2-H encoding): readers supply a Chinese font for it, and the text stays extractable as Unicode.
 * Each character goes to the first of the two fonts that has it, so mixed titles ("Cardiologie – 心内科") render.
 */
final class RecognitionPdf {

    public static final List<String> LANGUAGES = List.of("fr", "en", "zh");

    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "fr", Map.ofEntries(Map.entry("title", "Relevé des résultats reconnus"), Map.entry("mobility", "Mobilité"),
                    Map.entry("sending", "Établissement d'origine"), Map.entry("receiving", "Établissement d'accueil"),
                    Map.entry("recognised", "Reconnu le"), Map.entry("version", "Version du relevé"),
                    Map.entry("component", "Enseignement"), Map.entry("grade", "Note obtenue"), Map.entry("homeGrade", "Note convertie"),
                    Map.entry("courses", "Reconnu comme"), Map.entry("extra", "Crédits supplémentaires"), Map.entry("ects", "ECTS"),
                    Map.entry("chinese", "Crédits chinois"), Map.entry("total", "Total"), Map.entry("reason", "Hors contrat d'études")),
            "en", Map.ofEntries(Map.entry("title", "Transcript of recognised results"), Map.entry("mobility", "Mobility"),
                    Map.entry("sending", "Sending institution"), Map.entry("receiving", "Receiving institution"),
                    Map.entry("recognised", "Recognised on"), Map.entry("version", "Transcript version"),
                    Map.entry("component", "Component"), Map.entry("grade", "Grade"), Map.entry("homeGrade", "Home grade"),
                    Map.entry("courses", "Recognised as"), Map.entry("extra", "Extra credits"), Map.entry("ects", "ECTS"),
                    Map.entry("chinese", "Chinese credits"), Map.entry("total", "Total"), Map.entry("reason", "Outside the learning agreement")),
            "zh", Map.ofEntries(Map.entry("title", "成绩认定单"), Map.entry("mobility", "交流项目"),
                    Map.entry("sending", "派出院校"), Map.entry("receiving", "接收院校"),
                    Map.entry("recognised", "认定日期"), Map.entry("version", "成绩单版本"),
                    Map.entry("component", "课程"), Map.entry("grade", "成绩"), Map.entry("homeGrade", "换算成绩"),
                    Map.entry("courses", "认定为"), Map.entry("extra", "额外学分"), Map.entry("ects", "ECTS 学分"),
                    Map.entry("chinese", "中国学分"), Map.entry("total", "合计"), Map.entry("reason", "学习协议外")));

    private RecognitionPdf() {
    }

    /** The language asked for by {@code lang}, else by the caller's locale, else English. */
    static String language(String lang, Locale locale) {
        if (lang != null && LANGUAGES.contains(lang)) {
            return lang;
        }
        return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    static byte[] of(Recognition recognition, MobilityCopy mobility, String language) {
        var labels = LABELS.get(language);
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(labels.get("title"));
        document.open();
        var title = new Paragraph(phrase(labels.get("title"), 16));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(12);
        document.add(title);
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(recognition.recognisedAt.atZone(ZoneId.of("Europe/Paris")));
        for (var line : List.of(labels.get("mobility") + " : " + recognition.mobilityId,
                labels.get("sending") + " : " + mobility.sendingInstitution,
                labels.get("receiving") + " : " + mobility.receivingInstitution,
                labels.get("recognised") + " : " + date + " (" + recognition.recognisedBy + ")",
                labels.get("version") + " : " + recognition.transcriptVersion)) {
            document.add(new Paragraph(phrase(line, 10)));
        }
        var table = new PdfPTable(new float[] {4, 1.2f, 1.2f, 3, 1, 1.2f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        for (var heading : List.of("component", "grade", "homeGrade", "courses", "ects", "chinese")) {
            table.addCell(cell(labels.get(heading), true));
        }
        table.setHeaderRows(1);
        for (var c : recognition.components) {
            String component = c.title() == null ? c.sessionId().toString() : c.title();
            if (c.outsideAgreementReason() != null) {
                component += "\n" + labels.get("reason") + " : " + c.outsideAgreementReason();
            }
            table.addCell(cell(component, false));
            table.addCell(cell(c.grade(), false));
            table.addCell(cell(c.homeGrade(), false));
            table.addCell(cell(c.extraCredits() ? labels.get("extra") : String.join(", ", c.homeCourses()), false));
            table.addCell(cell(c.ects().toPlainString(), false));
            table.addCell(cell(c.chineseCredits().toPlainString(), false));
        }
        table.addCell(cell(labels.get("total"), true));
        table.addCell(cell("", true));
        table.addCell(cell("", true));
        table.addCell(cell("", true));
        table.addCell(cell(recognition.ects().toPlainString(), true));
        table.addCell(cell(recognition.chineseCredits().toPlainString(), true));
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, boolean heading) {
        var cell = new PdfPCell(phrase(text, heading ? 10 : 9));
        cell.setPadding(4);
        return cell;
    }

    /** The text in Helvetica where it can be, in STSong-Light otherwise (Chinese). */
    private static Phrase phrase(String text, float size) {
        var selector = new FontSelector();
        selector.addFont(new Font(Fonts.LATIN, size));
        selector.addFont(new Font(Fonts.CHINESE, size));
        return selector.process(text);
    }

    /** Created once: reading the CJK font's metrics and encoding takes time. */
    private static final class Fonts {
        static final BaseFont LATIN = create(BaseFont.HELVETICA, BaseFont.WINANSI);
        static final BaseFont CHINESE = create("STSong-Light", "UniGB-UCS2-H");

        private static BaseFont create(String name, String encoding) {
            try {
                return BaseFont.createFont(name, encoding, BaseFont.NOT_EMBEDDED);
            } catch (Exception e) {
                throw new IllegalStateException("The font " + name + " is part of OpenPDF", e);
            }
        }
    }
}
