package cm.vigie.watch.matching.lucene;

import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.Query;
import cm.vigie.watch.matching.Query.Positional;
import cm.vigie.watch.matching.analysis.FieldValues;
import cm.vigie.watch.matching.analysis.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The engine's queries and documents in Lucene's terms, for Lucene Monitor: the reference the engine is compared
 * with (differential test) and measured against (benchmark).
 */
public final class LuceneTranslation {

    public static final String TEXT = "text";
    public static final String AUTHOR = "author";
    public static final String PLATFORM = "platform";
    public static final String LANG = "lang";
    public static final String DOMAIN = "domain";

    private LuceneTranslation() {
    }

    /** The document with its text analysed by {@link VigieLuceneAnalyzer} and its fields in the engine's normal forms. */
    public static Document document(MatchDocument document) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, document.text() == null ? "" : document.text(), Field.Store.NO));
        String author = FieldValues.author(document.authorHandle() != null && document.authorHandle().startsWith("@")
                ? document.authorHandle().substring(1) : document.authorHandle());
        addKeyword(doc, AUTHOR, author);
        addKeyword(doc, PLATFORM, FieldValues.platform(document.platform()));
        addKeyword(doc, LANG, FieldValues.language(document.language()));
        List<String> domains = new ArrayList<>();
        document.domains().forEach(d -> domains.add(FieldValues.domain(d)));
        domains.addAll(TextAnalyzer.analyze(document.text()).urlHosts());
        for (String domain : FieldValues.domainSuffixes(domains)) {
            addKeyword(doc, DOMAIN, domain);
        }
        return doc;
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /** The Lucene query with the same semantics as {@code query}. */
    public static org.apache.lucene.search.Query query(Query query) {
        return switch (query) {
            case Query.Term term -> new TermQuery(new Term(TEXT, term.word()));
            case Query.Hashtag tag -> new TermQuery(new Term(TEXT, '#' + tag.tag()));
            case Query.Mention mention -> new TermQuery(new Term(TEXT, '@' + mention.handle()));
            case Query.Prefix prefix -> new PrefixQuery(new Term(TEXT, prefix.prefix()));
            case Query.Phrase phrase -> {
                PhraseQuery.Builder builder = new PhraseQuery.Builder();
                for (int i = 0; i < phrase.words().size(); i++) {
                    builder.add(new Term(TEXT, phrase.words().get(i)), i);
                }
                yield builder.build();
            }
            case Query.Near near -> new SpanNearQuery(
                    new SpanQuery[] {span(near.left()), span(near.right())}, near.distance(), false);
            case Query.Field field -> new TermQuery(new Term(switch (field.field()) {
                case AUTHOR -> AUTHOR;
                case PLATFORM -> PLATFORM;
                case LANG -> LANG;
                case DOMAIN -> DOMAIN;
            }, field.value()));
            case Query.And and -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                boolean positive = false;
                for (Query clause : and.clauses()) {
                    if (clause instanceof Query.Not not) {
                        builder.add(query(not.clause()), Occur.MUST_NOT);
                    } else {
                        builder.add(query(clause), Occur.MUST);
                        positive = true;
                    }
                }
                if (!positive) {
                    builder.add(new MatchAllDocsQuery(), Occur.MUST);
                }
                yield builder.build();
            }
            case Query.Or or -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                for (Query clause : or.clauses()) {
                    builder.add(query(clause), Occur.SHOULD);
                }
                yield builder.build();
            }
            case Query.Not not -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(query(not.clause()), Occur.MUST_NOT)
                    .build();
        };
    }

    private static SpanQuery span(Positional node) {
        return switch (node) {
            case Query.Term term -> new SpanTermQuery(new Term(TEXT, term.word()));
            case Query.Hashtag tag -> new SpanTermQuery(new Term(TEXT, '#' + tag.tag()));
            case Query.Mention mention -> new SpanTermQuery(new Term(TEXT, '@' + mention.handle()));
            case Query.Prefix prefix -> new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(TEXT, prefix.prefix())));
            case Query.Phrase phrase -> {
                SpanQuery[] words = new SpanQuery[phrase.words().size()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = new SpanTermQuery(new Term(TEXT, phrase.words().get(i)));
                }
                yield new SpanNearQuery(words, 0, true);
            }
        };
    }
}
