package org.logbookls.analysis.actions;

/** The line break a document mostly uses, so inserted text matches it byte for byte. */
final class Eol {
    private Eol() {
    }

    static String of(CharSequence text) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        return cr > lf ? "\r" : "\n";
    }

    /** {@code text} written with {@code \n} breaks, converted to {@code eol}. */
    static String convert(String text, String eol) {
        return eol.equals("\n") ? text : text.replace("\n", eol);
    }
}
