package cm.vigie.devstack.e2e.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cm.vigie.devstack.e2e.security.Api.Reply;

/** What no answer may contain: stack traces, SQL, Java class names. */
final class Leaks {

    static final Map<String, Pattern> PATTERNS = Map.of(
            "stack trace", Pattern.compile("\\bat [\\w$]+(\\.[\\w$]+)+\\([\\w$]*(\\.java:\\d+|Native Method|Unknown Source)\\)|\\n\\s+at [\\w$.]+\\("),
            "Java class name", Pattern.compile("\\b(java|javax|jakarta|sun|org\\.hibernate|org\\.postgresql|org\\.jboss|io\\.quarkus|io\\.vertx|io\\.smallrye|com\\.fasterxml|cm\\.vigie)\\.[a-z][\\w]*\\.[\\w.$]*[A-Z]\\w*"),
            "exception name", Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Throwable)\\b|\\b(StackOverflow|OutOfMemory|NoClassDefFound|Assertion|Linkage)Error\\b"),
            "SQL", Pattern.compile("(?i)SQLSTATE|syntax error at or near|violates (unique|foreign key|check|not-null) constraint|"
                    + "\\bselect\\s+[\\w.*,\\s]+\\s+from\\s+\\w|\\binsert\\s+into\\s+\\w+\\s*\\(|\\bupdate\\s+\\w+\\s+set\\s+\\w+\\s*=|org\\.postgresql|PSQLException"));

    private Leaks() {
    }

    /** Findings in the answers to API paths (the documents and UI pages legitimately name types). */
    static List<String> scan(List<Reply> replies) {
        List<String> findings = new ArrayList<>();
        synchronized (replies) {
            for (Reply reply : replies) {
                if (!reply.url().contains("/api/")) {
                    continue;
                }
                PATTERNS.forEach((what, pattern) -> {
                    var m = pattern.matcher(reply.body());
                    if (m.find()) {
                        findings.add(what + " '" + m.group() + "' in " + reply);
                    }
                });
            }
        }
        return findings;
    }
}
