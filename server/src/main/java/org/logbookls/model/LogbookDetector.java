package org.logbookls.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.model.Detection.Reason;
import org.logbookls.syntax.FrontMatter;

/**
 * Decides whether a Markdown file is a logbook: configuration first, then front matter, then a
 * per-day file name, then the file or folder name, then the file's own dated entries.
 */
final class LogbookDetector {
    /** Names that say "logbook", in the languages of the logbooks we have seen; compared as word runs. */
    private static final List<String> NAME_PHRASES = List.of(
            "logbook", "log book", "lab notebook", "labnotebook", "lab note", "lab notes", "journal", "worklog", "work log",
            "devlog", "dev log", "diary", "research log", "progress log", "daily log", "lab log", "experiment log",
            "experiments log", "log", "logs", "journal de bord", "carnet de bord", "cahier de laboratoire", "carnet",
            "diario", "bitacora", "bitácora", "cuaderno", "laborbuch", "laborjournal", "tagebuch", "forschungstagebuch");
    private static final Pattern DATED_FILE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:[-_ .].*)?\\.(?:md|markdown)$",
            Pattern.CASE_INSENSITIVE);
    /** Files whose dated headings are releases, not entries: never logbooks unless configuration says so. */
    private static final List<String> NOT_LOGBOOK_NAMES = List.of("changelog", "changes", "history", "releases", "release notes",
            "news", "whats new");
    private static final int MIN_DATED_ENTRIES = 3;

    private LogbookDetector() {
    }

    static Detection detect(ModelOptions options, Optional<FrontMatter> frontMatter, int leadingDatedHeadings, int idHeadings) {
        if (options.forcedLogbook().isPresent()) {
            boolean forced = options.forcedLogbook().get();
            return new Detection(forced, forced ? Reason.CONFIG_INCLUDE : Reason.CONFIG_EXCLUDE);
        }
        Optional<String> flag = frontMatter.flatMap(fm -> fm.first("logbook")).map(v -> v.text().toLowerCase(Locale.ROOT));
        if (flag.isPresent() && (flag.get().equals("true") || flag.get().equals("yes"))) {
            return new Detection(true, Reason.FRONT_MATTER);
        }
        if (flag.isPresent() && (flag.get().equals("false") || flag.get().equals("no"))) {
            return new Detection(false, Reason.FRONT_MATTER_OFF);
        }
        if (datedFileName(options.path()).isPresent() && leadingDatedHeadings < MIN_DATED_ENTRIES) {
            return new Detection(true, Reason.DATED_FILE);
        }
        if (nameSaysLogbook(options.path())) {
            return new Detection(true, Reason.NAME);
        }
        if (leadingDatedHeadings >= MIN_DATED_ENTRIES && !releaseNotes(options.path())) {
            return new Detection(true, Reason.DATED_ENTRIES);
        }
        if (idHeadings >= 1 && !releaseNotes(options.path())) {
            return new Detection(true, Reason.ID_ENTRIES);
        }
        return new Detection(false, Reason.NONE);
    }

    /** The {@code YYYY-MM-DD} a per-day or per-experiment file name starts with. */
    static Optional<Matcher> datedFileName(String path) {
        Matcher matcher = DATED_FILE.matcher(fileName(path));
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static boolean nameSaysLogbook(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i == segments.length - 1) {
                int dot = segment.lastIndexOf('.');
                segment = dot > 0 ? segment.substring(0, dot) : segment;
            }
            String words = " " + splitWords(segment) + " ";
            for (String phrase : NAME_PHRASES) {
                if (words.contains(" " + phrase + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean releaseNotes(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        String words = splitWords(dot > 0 ? name.substring(0, dot) : name);
        return NOT_LOGBOOK_NAMES.contains(words);
    }

    /** "lab_notebook" → "lab notebook", "ResearchLog" → "research log". */
    private static String splitWords(String segment) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '_' || c == '-' || c == '.' || c == ' ') {
                words.append(' ');
            } else {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(segment.charAt(i - 1))) {
                    words.append(' ');
                }
                words.append(Character.toLowerCase(c));
            }
        }
        return words.toString().trim().replaceAll("\\s+", " ");
    }
}
