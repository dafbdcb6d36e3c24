package cm.vigie.watch.source.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/** What the feed HTML stripper keeps, and that it stays linear on hostile descriptions. */
class HtmlTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;

    @Test
    void keepsTheReadableText() {
        assertEquals("Titre\nPremier paragraphe .\nSecond & dernier « vrai »",
                Html.text("<h1>Titre</h1><p>Premier <b>paragraphe</b>.</p><script>alert('x')</script><!-- note -->"
                        + "<div>Second &amp; dernier &laquo;&#160;vrai&#xA0;&raquo;</div>"));
        assertEquals("a d", Html.text("a < b and c > d"));
        assertEquals("a <= b", Html.text("a <= b"));
        assertEquals("x\ny", Html.text("x<br/>y"));
        assertEquals("x y", Html.text("x<pre>y"));
        assertEquals("one\ntwo", Html.text("one< BR >two"));
        assertEquals("keep &unknown; and & alone", Html.text("keep &unknown; and & alone"));
        assertEquals("before after", Html.text("before<STYLE type=x>p{}</style >after"));
        assertEquals("<script no end", Html.text("<script no end"));
        assertEquals("a\nb", Html.text("a \t\r\n \n  b"));
        assertEquals("", Html.text("   "));
    }

    /**
     * Each hostile shape of 5 MB is stripped in time comparable to 5 MB of plain text (the linear baseline), measured
     * on the same JVM just before. A quadratic stripper takes minutes on these, hundreds of times the baseline.
     */
    @Test
    void hostileDescriptionsTakeLinearTime() {
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("'<' only", n -> "<".repeat(n));
        shapes.put("'<br' repeated", n -> "<br".repeat(n / 3));
        shapes.put("'<script' repeated", n -> "<script".repeat(n / 7));
        shapes.put("'<!--' repeated", n -> "<!--".repeat(n / 4));
        shapes.put("'</script' without '>'", n -> "<script>" + "</script ".repeat(n / 9));
        shapes.put("blanks without a line break", n -> "a" + " \t".repeat(n / 2) + "b");
        shapes.put("'&#' repeated", n -> "&#".repeat(n / 2));
        String plain = "lorem ipsum dolor sit amet ".repeat(FIVE_MB / 27);
        for (int warm = 0; warm < 3; warm++) {
            Html.text(plain);
            shapes.values().forEach(shape -> Html.text(shape.apply(100_000)));
        }
        long baseline = best(() -> Html.text(plain));
        StringBuilder figures = new StringBuilder("baseline (5 MB of plain text): " + baseline / 1_000_000 + " ms\n");
        for (Map.Entry<String, IntFunction<String>> shape : shapes.entrySet()) {
            String input = shape.getValue().apply(FIVE_MB);
            long took = best(() -> Html.text(input));
            figures.append(shape.getKey()).append(": ").append(took / 1_000_000).append(" ms\n");
            assertTrue(took < 10 * baseline + 20_000_000L,
                    shape.getKey() + " took " + took / 1_000_000 + " ms against a baseline of " + baseline / 1_000_000 + " ms");
        }
        System.out.print(figures);
    }

    private static long best(Runnable run) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
