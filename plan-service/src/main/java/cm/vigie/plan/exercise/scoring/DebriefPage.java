package cm.vigie.plan.exercise.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import cm.vigie.plan.exercise.scoring.Debrief.ExpectedAlertScore;
import cm.vigie.plan.exercise.scoring.Debrief.FalseAlarm;
import cm.vigie.plan.exercise.scoring.Debrief.Mark;
import cm.vigie.plan.exercise.scoring.Debrief.Minute;
import cm.vigie.plan.exercise.scoring.Debrief.Timing;

/**
 * The debrief as one self-contained HTML page (inline CSS, an SVG timeline drawn here, no script, nothing fetched),
 * in French or English, readable on a phone.
 */
public final class DebriefPage {

    static final String VOLUME = "#1f6feb";
    static final String NOISE = "#9ecbff";
    static final String ALERT = "#d1242f";
    static final String ACTION = "#1a7f37";
    static final int WIDTH = 800;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int BARS_TOP = 16;
    static final int BARS_BOTTOM = 196;
    static final int ALERT_LANE = 228;
    static final int ACTION_LANE = 260;
    static final int HEIGHT = 300;

    private DebriefPage() {
    }

    public static String render(Debrief d, Locale locale) {
        boolean fr = locale != null && "fr".equals(locale.getLanguage());
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"").append(fr ? "fr" : "en").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(t(fr, "Débriefing", "Debrief"))).append(" — ").append(esc(title(d, fr))).append("</title>")
                .append("<style>")
                .append("*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff}")
                .append("main{max-width:960px;margin:0 auto;padding:12px}h1{font-size:1.35rem;margin:.4em 0}h2{font-size:1.1rem;margin:1.2em 0 .4em}")
                .append(".meta{color:#59636e;font-size:.9rem}.score{font-size:2.2rem;font-weight:700}")
                .append(".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:8px}")
                .append(".card{border:1px solid #d1d9e0;border-radius:8px;padding:8px}.card b{display:block;font-size:1.1rem}")
                .append(".ok{color:#1a7f37}.ko{color:#d1242f}.scroll{overflow-x:auto}")
                .append("table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #d1d9e0}")
                .append("svg{width:100%;height:auto;display:block}.legend span{display:inline-block;margin-right:12px;font-size:.85rem}")
                .append(".sw{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}")
                .append("@media (max-width:480px){body{font-size:15px}main{padding:8px}}")
                .append("</style></head><body><main>");
        h.append("<h1>").append(esc(t(fr, "Débriefing : ", "Debrief: "))).append(esc(title(d, fr))).append("</h1>");
        h.append("<p class=\"meta\">").append(esc(d.scenarioId())).append(" · ").append(esc(String.valueOf(d.status())))
                .append(" · ×").append(d.speed()).append(" · ").append(esc(t(fr, "temps du scénario ", "scenario time ")))
                .append(esc(human(d.scenarioClock()))).append(" / ").append(esc(human(d.duration()))).append("</p>");
        h.append("<p><span class=\"score\" id=\"score\">").append(d.score()).append("</span> / 100</p>");

        h.append("<h2>").append(esc(t(fr, "Chronologie", "Timeline"))).append("</h2>");
        chart(h, d, fr);

        h.append("<h2>").append(esc(t(fr, "Délais", "Times"))).append("</h2><div class=\"cards\">");
        card(h, t(fr, "Première alerte", "First alert"), d.times().firstAlert(), fr);
        card(h, t(fr, "Prise en compte", "Acknowledgement"), d.times().acknowledgement(), fr);
        card(h, t(fr, "Plan de réponse", "Response plan"), d.times().responsePlan(), fr);
        card(h, t(fr, "Approbation", "Approval"), d.times().approval(), fr);
        card(h, t(fr, "Publication", "Publication"), d.times().publication(), fr);
        h.append("</div>");

        h.append("<h2>").append(esc(t(fr, "Décision", "Decision"))).append("</h2><p>")
                .append(esc(t(fr, "Attendue : ", "Expected: "))).append(esc(String.valueOf(d.decision().expected())))
                .append(" · ").append(esc(t(fr, "Prise : ", "Taken: ")))
                .append(esc(d.decision().actual() == null ? t(fr, "aucune", "none") : d.decision().actual().name()))
                .append(" <b class=\"").append(d.decision().correct() ? "ok\">✓" : "ko\">✗").append("</b></p>");

        h.append("<h2>").append(esc(t(fr, "Alertes attendues", "Expected alerts"))).append(" (")
                .append(esc(t(fr, "manquées : ", "missed: "))).append(d.missed()).append(")</h2><div class=\"scroll\"><table><tr><th>")
                .append(esc(t(fr, "Règle", "Rule"))).append("</th><th>").append(esc(t(fr, "Sujet", "Subject"))).append("</th><th>")
                .append(esc(t(fr, "Avant", "By"))).append("</th><th>").append(esc(t(fr, "Déclenchée", "Fired"))).append("</th><th>")
                .append(esc(t(fr, "Résultat", "Outcome"))).append("</th></tr>");
        for (ExpectedAlertScore e : d.expectedAlerts()) {
            h.append("<tr><td>").append(esc(e.rule())).append("</td><td>").append(esc(e.subject())).append("</td><td>")
                    .append(esc(human(e.by()))).append("</td><td>").append(esc(e.firedAt() == null ? "—" : human(e.firedAt().scenario())))
                    .append("</td><td class=\"").append("ON_TIME".equals(e.outcome()) ? "ok" : "ko").append("\">")
                    .append(esc(outcome(e.outcome(), fr))).append("</td></tr>");
        }
        h.append("</table></div>");

        h.append("<h2>").append(esc(t(fr, "Fausses alertes", "False alarms"))).append(" (").append(d.falseAlarms().size()).append(")</h2>");
        if (d.falseAlarms().isEmpty()) {
            h.append("<p>").append(esc(t(fr, "Aucune.", "None."))).append("</p>");
        } else {
            h.append("<div class=\"scroll\"><table><tr><th>").append(esc(t(fr, "Règle", "Rule"))).append("</th><th>")
                    .append(esc(t(fr, "Titre", "Title"))).append("</th><th>").append(esc(t(fr, "Pourquoi", "Why"))).append("</th><th>")
                    .append(esc(t(fr, "À", "At"))).append("</th></tr>");
            for (FalseAlarm f : d.falseAlarms()) {
                h.append("<tr><td>").append(esc(f.rule())).append("</td><td>").append(esc(f.title())).append("</td><td>")
                        .append(esc("NOISE".equals(f.reason()) ? t(fr, "bruit", "noise") : t(fr, "inattendue", "unexpected")))
                        .append("</td><td>").append(esc(human(f.at().scenario()))).append("</td></tr>");
            }
            h.append("</table></div>");
        }
        if (!d.warnings().isEmpty()) {
            h.append("<h2>").append(esc(t(fr, "Avertissements", "Warnings"))).append("</h2><ul>");
            d.warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</main></body></html>");
        return h.toString();
    }

    /** Bars: posts per scenario minute (noise lighter); red dots: alerts; green diamonds: the team's actions. */
    private static void chart(StringBuilder h, Debrief d, boolean fr) {
        List<Minute> minutes = d.timeline().minutes();
        int count = Math.max(1, minutes.size());
        long spanMs = count * 60_000L;
        double plot = WIDTH - LEFT - RIGHT;
        double step = plot / count;
        int max = Math.max(1, minutes.stream().mapToInt(Minute::mentions).max().orElse(1));
        h.append("<svg id=\"timeline-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(esc(t(fr, "Volume de mentions par minute, alertes et actions",
                        "Mention volume per minute, alerts and actions"))).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(BARS_BOTTOM).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(BARS_BOTTOM).append("\" stroke=\"#59636e\"/>");
        h.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(BARS_TOP + 10).append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#59636e\">")
                .append(max).append("</text>");
        h.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(BARS_BOTTOM).append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#59636e\">0</text>");
        for (Minute m : minutes) {
            double x = LEFT + m.minute() * step + step * 0.1;
            double w = Math.max(1, step * 0.8);
            double full = (BARS_BOTTOM - BARS_TOP) * (double) m.mentions() / max;
            double noise = (BARS_BOTTOM - BARS_TOP) * (double) m.noise() / max;
            if (m.mentions() > m.noise()) {
                h.append("<rect class=\"volume-bar\" x=\"").append(f(x)).append("\" y=\"").append(f(BARS_BOTTOM - full))
                        .append("\" width=\"").append(f(w)).append("\" height=\"").append(f(full - noise)).append("\" fill=\"").append(VOLUME)
                        .append("\"><title>").append(m.minute()).append(" min: ").append(m.mentions()).append("</title></rect>");
            }
            if (m.noise() > 0) {
                h.append("<rect class=\"noise-bar\" x=\"").append(f(x)).append("\" y=\"").append(f(BARS_BOTTOM - noise))
                        .append("\" width=\"").append(f(w)).append("\" height=\"").append(f(noise)).append("\" fill=\"").append(NOISE).append("\"/>");
            }
        }
        lane(h, ALERT_LANE, t(fr, "Alertes", "Alerts"));
        for (Mark a : d.timeline().alerts()) {
            double x = LEFT + plot * Math.min(1, (double) a.scenarioMs() / spanMs);
            h.append("<circle class=\"alert-marker\" cx=\"").append(f(x)).append("\" cy=\"").append(ALERT_LANE).append("\" r=\"9\" fill=\"")
                    .append(ALERT).append("\"><title>").append(esc(a.kind() + " " + (a.label() == null ? "" : a.label()) + " @ "
                            + human(Duration.ofMillis(a.scenarioMs()).toString()))).append("</title></circle>");
        }
        lane(h, ACTION_LANE, t(fr, "Équipe", "Team"));
        for (Mark a : d.timeline().actions()) {
            double x = LEFT + plot * Math.min(1, (double) a.scenarioMs() / spanMs);
            h.append("<polygon class=\"action-marker\" points=\"").append(f(x)).append(',').append(ACTION_LANE - 10).append(' ')
                    .append(f(x + 10)).append(',').append(ACTION_LANE).append(' ').append(f(x)).append(',').append(ACTION_LANE + 10).append(' ')
                    .append(f(x - 10)).append(',').append(ACTION_LANE).append("\" fill=\"").append(ACTION).append("\"><title>")
                    .append(esc(a.kind() + " " + (a.label() == null ? "" : a.label()) + " @ " + human(Duration.ofMillis(a.scenarioMs()).toString())))
                    .append("</title></polygon>");
        }
        int tickEvery = count <= 10 ? 1 : count <= 30 ? 5 : count <= 90 ? 10 : 30;
        for (int m = 0; m <= count; m += tickEvery) {
            double x = LEFT + m * step;
            h.append("<text x=\"").append(f(x)).append("\" y=\"").append(HEIGHT - 6).append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#59636e\">")
                    .append(m).append("′</text>");
        }
        h.append("</svg><p class=\"legend\"><span><i class=\"sw\" style=\"background:").append(VOLUME).append("\"></i>")
                .append(esc(t(fr, "mentions par minute", "mentions per minute"))).append("</span><span><i class=\"sw\" style=\"background:")
                .append(NOISE).append("\"></i>").append(esc(t(fr, "bruit", "noise"))).append("</span><span><i class=\"sw\" style=\"background:")
                .append(ALERT).append("\"></i>").append(esc(t(fr, "alertes", "alerts"))).append("</span><span><i class=\"sw\" style=\"background:")
                .append(ACTION).append("\"></i>").append(esc(t(fr, "actions de l’équipe", "team actions"))).append("</span></p>");
    }

    private static void lane(StringBuilder h, int y, String label) {
        h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(y)
                .append("\" stroke=\"#d1d9e0\" stroke-dasharray=\"4 4\"/><text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#59636e\">").append(esc(label)).append("</text>");
    }

    private static void card(StringBuilder h, String label, Timing timing, boolean fr) {
        h.append("<div class=\"card\">").append(esc(label)).append("<b>")
                .append(esc(timing.scenario() == null ? "—" : human(timing.scenario()))).append("</b><span class=\"meta\">");
        if (timing.wall() != null) {
            h.append(esc(t(fr, "réel ", "wall "))).append(esc(human(timing.wall())));
        }
        if (timing.deadline() != null) {
            h.append(" · ").append(esc(t(fr, "limite ", "deadline "))).append(esc(human(timing.deadline())))
                    .append(Boolean.TRUE.equals(timing.met()) ? " <b class=\"ok\" style=\"display:inline\">✓</b>" : " <b class=\"ko\" style=\"display:inline\">✗</b>");
        }
        h.append("</span></div>");
    }

    private static String outcome(String outcome, boolean fr) {
        return switch (outcome) {
            case "ON_TIME" -> t(fr, "à temps", "on time");
            case "LATE" -> t(fr, "en retard", "late");
            default -> t(fr, "manquée", "missed");
        };
    }

    private static String title(Debrief d, boolean fr) {
        return d.title() == null ? d.scenarioId() : fr ? d.title().fr() : d.title().en();
    }

    /** PT4M30S → 4 min 30 s. */
    static String human(String iso) {
        if (iso == null) {
            return "—";
        }
        Duration duration = Duration.parse(iso);
        long s = duration.toSeconds();
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h ");
        }
        if (m > 0 || h > 0) {
            out.append(m).append(" min ");
        }
        if (sec > 0 || out.isEmpty()) {
            out.append(sec).append(" s");
        }
        return out.toString().strip();
    }

    private static String t(boolean fr, String french, String english) {
        return fr ? french : english;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String esc(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
