package org.logbookls.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which written labels name the same section.
 *
 * <p>Immutable. Labels are compared in a normal form (lower case, no markup or punctuation,
 * {@code and} as {@code &}, plural {@code s} dropped) so that {@code **Today's Progress**:},
 * {@code Progress:} and {@code ## Progress} agree. A label belongs to a family when it is one of
 * the family's terms, starts with one ("Results & Deliverables", "Plans for tomorrow") or ends
 * with one ("Today's Progress", "Initial Plan").
 */
public final class SectionLabels {
    private final Map<String, List<String>> familyTerms;
    private final Set<String> extraLabels;
    private static final int MAX_REMEMBERED = 4096;
    /** Families per normalised label, remembered (bounded; the value stays immutable to its users). */
    private final Map<String, Set<String>> families = new java.util.concurrent.ConcurrentHashMap<>();

    private SectionLabels(Map<String, List<String>> familyTerms, Set<String> extraLabels) {
        this.familyTerms = familyTerms;
        this.extraLabels = extraLabels;
    }

    /** The last labels built, reused while the settings stay the same (they rarely change). */
    private static volatile Built last;

    private record Built(Map<String, List<String>> families, List<String> extraLabels, SectionLabels labels) {
    }

    /** Labels grouped in {@code families}, plus {@code extraLabels} that belong to no family. */
    public static SectionLabels of(Map<String, List<String>> families, List<String> extraLabels) {
        // Every document build and most features ask for these; normalising every term each time
        // was a fifth of the cost of analysing a short document.
        Built built = last;
        if (built != null && (built.families == families || built.families.equals(families)
                && List.copyOf(built.families.keySet()).equals(List.copyOf(families.keySet())))
                && (built.extraLabels == extraLabels || built.extraLabels.equals(extraLabels))) {
            return built.labels;
        }
        SectionLabels labels = build(families, extraLabels);
        last = new Built(families, extraLabels, labels);
        return labels;
    }

    private static SectionLabels build(Map<String, List<String>> families, List<String> extraLabels) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        families.forEach((family, labels) -> {
            List<String> normalised = new ArrayList<>();
            for (String label : labels) {
                String term = normalize(label);
                if (!term.isEmpty()) {
                    normalised.add(term);
                }
            }
            terms.put(family, List.copyOf(normalised));
        });
        return new SectionLabels(terms, normalisedSet(extraLabels, Set.of()));
    }

    /** A copy that also knows {@code labels} (a template's own section names). */
    public SectionLabels with(List<String> labels) {
        return new SectionLabels(familyTerms, normalisedSet(labels, extraLabels));
    }

    private static Set<String> normalisedSet(List<String> labels, Set<String> base) {
        Set<String> extras = new LinkedHashSet<>(base);
        for (String label : labels) {
            String normalised = normalize(label);
            if (!normalised.isEmpty()) {
                extras.add(normalised);
            }
        }
        return extras;
    }

    /** True when {@code label} names a section this logbook cares about. */
    public boolean isKnown(String label) {
        String normalised = normalize(label);
        if (normalised.isEmpty()) {
            return false;
        }
        return extraLabels.contains(normalised) || !familiesOf(normalised, true).isEmpty();
    }

    /** The families {@code label} belongs to (possibly several: "Conclusion"). */
    public Set<String> families(String label) {
        return familiesOf(normalize(label), false);
    }

    /** True when a section labelled {@code written} satisfies a requirement for {@code required}. */
    public boolean satisfies(String written, String required) {
        String writtenNorm = normalize(written);
        String requiredNorm = normalize(required);
        if (writtenNorm.isEmpty()) {
            return false;
        }
        if (writtenNorm.equals(requiredNorm) || writtenNorm.startsWith(requiredNorm + " ")
                || writtenNorm.endsWith(" " + requiredNorm)) {
            return true;
        }
        Set<String> requiredFamilies = familiesOf(requiredNorm, false);
        if (requiredFamilies.isEmpty()) {
            return false;
        }
        for (String family : familiesOf(writtenNorm, false)) {
            if (requiredFamilies.contains(family)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> familiesOf(String normalised, boolean firstOnly) {
        // A logbook repeats the same few labels thousands of times; each lookup tries every term.
        Set<String> known = families.get(normalised);
        if (known == null) {
            known = computeFamilies(normalised, false);
            if (families.size() < MAX_REMEMBERED) {
                families.put(normalised, known);
            }
        }
        return known;
    }

    private Set<String> computeFamilies(String normalised, boolean firstOnly) {
        Set<String> found = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> family : familyTerms.entrySet()) {
            for (String term : family.getValue()) {
                if (matches(normalised, term)) {
                    found.add(family.getKey());
                    if (firstOnly) {
                        return java.util.Collections.unmodifiableSet(found);
                    }
                    break;
                }
            }
        }
        return java.util.Collections.unmodifiableSet(found);
    }

    private static boolean matches(String label, String term) {
        return label.equals(term) || label.startsWith(term + " ") || label.endsWith(" " + term);
    }

    /** The normal form labels are compared in. */
    public static String normalize(String label) {
        // The same labels come back thousands of times in a long logbook.
        String known = NORMALISED.get(label);
        if (known != null) {
            return known;
        }
        String normalised = computeNormal(label);
        if (NORMALISED.size() < 8192 && label.length() < 200) {
            NORMALISED.put(label, normalised);
        }
        return normalised;
    }

    private static final Map<String, String> NORMALISED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String computeNormal(String label) {
        String lower = label.toLowerCase(Locale.ROOT).replace("(s)", "s").replace('’', '\'');
        StringBuilder cleaned = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '&') {
                cleaned.append(c);
            } else if (c == '\'') {
                continue;
            } else {
                cleaned.append(' ');
            }
        }
        StringBuilder out = new StringBuilder();
        for (String word : SPACES.split(cleaned.toString().trim())) {
            if (word.isEmpty()) {
                continue;
            }
            String normalised = word.equals("and") || word.equals("et") || word.equals("y") || word.equals("und") ? "&" : word;
            if (normalised.length() > 3 && normalised.endsWith("s") && !normalised.endsWith("ss")) {
                normalised = normalised.substring(0, normalised.length() - 1);
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(normalised);
        }
        return out.toString();
    }
}
