package cm.vigie.accounts.impersonation.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A reference with everything the scoring compares computed once, when the index is built. */
final class Prepared {

    /**
     * A handle the reference is known by: a real handle ({@code strong}), or one spelt from its names
     * ({@code malachiemanaouda}), weighted by {@code factor} (a surname alone is weaker than a full name).
     */
    record Form(HandleShape shape, boolean strong, double factor, String label) {
    }

    /** A title's words, as keys (to find it in a display name) and as folds (to find it in a bio). */
    record Title(String text, List<String> keys, List<String> folds) {
    }

    final Reference reference;
    final List<Form> forms;
    final List<NameShape> names;
    final List<Title> titles;
    /** Keys of the words of its titles that are not also in its names (ignored when comparing names). */
    final Set<String> titleKeys;
    final long[] photos;

    private Prepared(Reference reference, List<Form> forms, List<NameShape> names, List<Title> titles,
            Set<String> titleKeys, long[] photos) {
        this.reference = reference;
        this.forms = forms;
        this.names = names;
        this.titles = titles;
        this.titleKeys = titleKeys;
        this.photos = photos;
    }

    static Prepared of(Reference reference) {
        boolean person = reference.kind() == ReferenceKind.PROTECTED_PERSON;
        List<NameShape> names = new ArrayList<>();
        List<Form> spelt = new ArrayList<>();
        List<String> spellings = new ArrayList<>();
        if (reference.displayName() != null && !reference.displayName().isBlank()) {
            spellings.add(reference.displayName());
        }
        spellings.addAll(reference.aliases());
        for (int i = 0; i < spellings.size(); i++) {
            String spelling = spellings.get(i);
            NameShape name = NameShape.of(spelling);
            if (name.isEmpty()) {
                continue;
            }
            names.add(name);
            List<String> words = contentWords(spelling);
            String label = "name \"" + spelling + "\"";
            if (person || i > 0) {
                addForm(spelt, String.join("", words), 1.0, label);
            }
            if (person && words.size() >= 2) {
                int n = words.size();
                addForm(spelt, String.join("", words.reversed()), 1.0, label);
                // Compound names: "Mbarga Ngono", "Aurélien Mbarga" and "A. Mbarga Ngono" are all in use.
                addForm(spelt, words.get(0).substring(0, 1) + String.join("", words.subList(1, n)), 0.9, label);
                if (n >= 3) {
                    addForm(spelt, String.join("", words.subList(n - 2, n)), 0.85, label);
                    addForm(spelt, String.join("", words.subList(0, 2)), 0.85, label);
                }
                String surname = words.get(n - 1);
                addForm(spelt, words.get(0).substring(0, 1) + surname, 0.8, label);
                if (surname.length() >= 5) {
                    addForm(spelt, surname, 0.7, "surname \"" + surname + "\"");
                }
            }
        }
        List<String> nameKeys = new ArrayList<>();
        for (String spelling : spellings) {
            for (String word : contentWords(spelling)) {
                nameKeys.add(Text.key(word));
            }
        }
        List<Form> forms = new ArrayList<>();
        if (reference.kind() == ReferenceKind.OFFICIAL_ACCOUNT) {
            forms.add(new Form(HandleShape.of(reference.handle()), true, 1.0,
                    reference.platform() + " @" + reference.handle()));
        }
        for (PlatformHandle handle : reference.officialHandles()) {
            HandleShape shape = HandleShape.of(handle.handle());
            // A person's handle that is just their name spelt out says no more than the name: a namesake has the
            // same. Only a handle that could not be spelt from the name is evidence of its own when copied.
            boolean distinctive = !spellable(shape.core, nameKeys);
            forms.add(new Form(shape, distinctive, 1.0, handle.platform() + " @" + handle.handle()));
        }
        forms.addAll(spelt);
        List<Title> titles = new ArrayList<>();
        Set<String> titleKeys = new HashSet<>();
        for (String title : reference.titles()) {
            List<String> keys = new ArrayList<>();
            List<String> folds = new ArrayList<>();
            for (String word : Text.words(Text.fold(title))) {
                if (!Lexicon.STOP_FOLDS.contains(word)) {
                    folds.add(word);
                    keys.add(Text.key(word));
                }
            }
            if (!keys.isEmpty()) {
                titles.add(new Title(title, List.copyOf(keys), List.copyOf(folds)));
                titleKeys.addAll(keys);
            }
        }
        for (NameShape name : names) {
            name.content.forEach(titleKeys::remove);
        }
        long[] photos = reference.photoHashes().stream().mapToLong(Long::longValue).toArray();
        return new Prepared(reference, dedupe(forms), List.copyOf(names), List.copyOf(titles),
                Set.copyOf(titleKeys), photos);
    }

    /**
     * Whether {@code core} can be written with the name's words and their initials only, at least one word in
     * full ({@code jbtchoumi}, {@code ceyengabella}, {@code gervaisondoua}).
     */
    static boolean spellable(String core, List<String> words) {
        int n = core.length();
        // reachable[i]: 0 unreachable, 1 reached with initials only, 2 reached using a full word
        byte[] reachable = new byte[n + 1];
        reachable[0] = 1;
        for (int i = 0; i < n; i++) {
            if (reachable[i] == 0) {
                continue;
            }
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                if (core.startsWith(word, i)) {
                    reachable[i + word.length()] = 2;
                }
                if (core.charAt(i) == word.charAt(0) && reachable[i + 1] < reachable[i]) {
                    reachable[i + 1] = reachable[i];
                }
            }
        }
        return reachable[n] == 2;
    }

    /** Words of a name that identify (titles, offices and claims removed), in their original spelling. */
    private static List<String> contentWords(String spelling) {
        List<String> words = new ArrayList<>();
        for (String word : Text.words(spelling)) {
            String key = Text.key(word);
            if (!Lexicon.HONORIFIC_KEYS.contains(key) && !Lexicon.OFFICE_KEYS.contains(key)
                    && !Lexicon.STOP_KEYS.contains(key) && !Lexicon.isBaitKey(key)
                    && !Lexicon.FAN_KEYS.contains(key)) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static void addForm(List<Form> forms, String spelt, double factor, String label) {
        if (spelt.length() >= 4) {
            forms.add(new Form(HandleShape.of(spelt), false, factor, label));
        }
    }

    private static List<Form> dedupe(List<Form> forms) {
        List<Form> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Form form : forms) {
            if (seen.add(form.strong() + "|" + form.shape().full)) {
                out.add(form);
            }
        }
        return List.copyOf(out);
    }

    /** The strings whose trigrams block candidates onto this reference. */
    List<String> blockingStrings() {
        List<String> strings = new ArrayList<>();
        for (Form form : forms) {
            strings.add(form.shape().full);
            if (!form.shape().core.equals(form.shape().full)) {
                strings.add(form.shape().core);
            }
        }
        for (NameShape name : names) {
            strings.addAll(name.content);
        }
        return strings;
    }

    /** Exact keys that always put this reference on a candidate's shortlist. */
    Set<String> exactKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Form form : forms) {
            keys.add(form.shape().full);
            keys.add(form.shape().core);
        }
        for (NameShape name : names) {
            if (name.joined.length() >= 4) {
                keys.add(name.joined);
            }
        }
        return keys;
    }
}
