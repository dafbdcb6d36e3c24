package cm.vigie.watch.matching;

import cm.vigie.watch.matching.Query.Positional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Finds the passages of a text that make a query match. */
final class Highlights {

    private record Span(int start, int end) {
    }

    private Highlights() {
    }

    static List<String> of(Query query, MatchDocument document) {
        DocumentView view = DocumentView.of(document);
        if (!view.matches(query)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        collect(query, view, spans);
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        LinkedHashSet<String> passages = new LinkedHashSet<>();
        String text = document.text();
        int index = 0;
        while (index < spans.size()) {
            int start = spans.get(index).start();
            int end = spans.get(index).end();
            index++;
            while (index < spans.size() && spans.get(index).start() < end) {
                end = Math.max(end, spans.get(index).end());
                index++;
            }
            passages.add(text.substring(start, end));
        }
        return List.copyOf(passages);
    }

    /** Adds the spans of the positive parts of {@code query} that match (NOT clauses show nothing). */
    private static void collect(Query query, DocumentView view, List<Span> out) {
        switch (query) {
            case Positional positional -> {
                int length = DocumentView.spanLength(positional);
                for (int start : view.spanStarts(positional)) {
                    out.add(span(view, start, length));
                }
            }
            case Query.Near near -> {
                int[] left = view.spanStarts(near.left());
                int[] right = view.spanStarts(near.right());
                int lengthLeft = DocumentView.spanLength(near.left());
                int lengthRight = DocumentView.spanLength(near.right());
                for (int a : left) {
                    for (int b : right) {
                        if (DocumentView.near(a, lengthLeft, b, lengthRight, near.distance())) {
                            out.add(span(view, a, lengthLeft));
                            out.add(span(view, b, lengthRight));
                        }
                    }
                }
            }
            case Query.And and -> and.clauses().forEach(clause -> collect(clause, view, out));
            case Query.Or or -> {
                for (Query clause : or.clauses()) {
                    if (view.matches(clause)) {
                        collect(clause, view, out);
                    }
                }
            }
            case Query.Field ignored -> {
            }
            case Query.Not ignored -> {
            }
        }
    }

    private static Span span(DocumentView view, int startPosition, int length) {
        return new Span(view.start(startPosition), view.end(startPosition + length - 1));
    }
}
